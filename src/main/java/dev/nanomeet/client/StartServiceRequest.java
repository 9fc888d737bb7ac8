package dev.nanomeet.client;

import dev.nanomeet.Secrets;

/**
 * The body of Jibri's {@code startService} for a stream: the meeting to join, the recorder's hidden login and the
 * full RTMP URL to stream to (which Jibri's HTTP API takes in {@code youTubeStreamKey}).
 */
public record StartServiceRequest(String sessionId, CallParams callParams, CallLoginParams callLoginParams,
        String sinkType, String youTubeStreamKey) {

    /** The only sink the module asks for. */
    public static final String STREAM = "stream";

    /** Where the meeting is. */
    public record CallParams(CallUrlInfo callUrlInfo) {
    }

    /** The meeting: {@code https://<server>/<group>} and the room. */
    public record CallUrlInfo(String baseUrl, String callName) {
    }

    /** The recorder's hidden login into the meeting. */
    public record CallLoginParams(String domain, String username, String password) {

        @Override
        public String toString() {
            return "CallLoginParams[domain=" + domain + ", username=" + username + ", password="
                    + Secrets.mask(password) + "]";
        }
    }

    @Override
    public String toString() {
        return "StartServiceRequest[sessionId=" + sessionId + ", callParams=" + callParams + ", callLoginParams="
                + callLoginParams + ", sinkType=" + sinkType + ", youTubeStreamKey=" + Secrets.mask(youTubeStreamKey)
                + "]";
    }
}

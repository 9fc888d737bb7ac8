package dev.nanomeet;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The settings of broadcasts, from MicroProfile Config.
 *
 * @param recorders     {@code nanomeet.recorders}: the base URLs of the Jibri recorders of the pool
 * @param loginDomain   {@code nanomeet.recorder.login.domain}: the recorder's hidden domain; {@code recorder.<server>}
 *                      when unset
 * @param loginUsername {@code nanomeet.recorder.login.username}
 * @param loginPassword {@code nanomeet.recorder.login.password} (a secret)
 * @param ingest        {@code nanomeet.broadcast.ingest}: the RTMP ingest, before {@code /<live|rec>/<streamname>}
 * @param livePlayout   {@code nanomeet.broadcast.live-playout}: the live link, before the stream name
 * @param vodPlayout    {@code nanomeet.broadcast.vod-playout}: the VOD link, before {@code <streamname>.mp4}
 * @param startDeadline {@code nanomeet.broadcast.start-deadline}: how long a recorder may take to become busy
 */
public record BroadcastSettings(List<URI> recorders, String loginDomain, String loginUsername, String loginPassword,
        String ingest, String livePlayout, String vodPlayout, Duration startDeadline) {

    public static final String DEFAULT_INGEST = "rtmp://bintu-vtrans.nanocosmos.de";
    public static final String DEFAULT_LIVE_PLAYOUT =
            "https://demo.nanocosmos.de/nanoplayer/release/nanoplayer.html?bintu.streamname=";
    public static final String DEFAULT_VOD_PLAYOUT = "https://bintu-vod.nanocosmos.de/vod/";
    public static final Duration DEFAULT_START_DEADLINE = Duration.ofSeconds(30);

    public BroadcastSettings {
        recorders = List.copyOf(recorders);
    }

    /** No recorders, the real service's links. */
    public static BroadcastSettings defaults() {
        return new BroadcastSettings(List.of(), null, null, null, DEFAULT_INGEST, DEFAULT_LIVE_PLAYOUT,
                DEFAULT_VOD_PLAYOUT, DEFAULT_START_DEADLINE);
    }

    /** Reads the settings; a malformed value fails here, naming its key. */
    public static BroadcastSettings from(Config config) {
        List<URI> recorders = NanoMeetSettings.text(config, "nanomeet.recorders")
                .map(value -> Arrays.stream(value.split("\\s*,\\s*")).filter(s -> !s.isEmpty())
                        .map(BroadcastSettings::recorderUrl).toList())
                .orElse(List.of());
        Duration deadline = NanoMeetSettings.text(config, "nanomeet.broadcast.start-deadline")
                .map(value -> Iso8601.duration("nanomeet.broadcast.start-deadline", value))
                .orElse(DEFAULT_START_DEADLINE);
        return new BroadcastSettings(recorders,
                NanoMeetSettings.text(config, "nanomeet.recorder.login.domain").orElse(null),
                NanoMeetSettings.text(config, "nanomeet.recorder.login.username").orElse(null),
                NanoMeetSettings.text(config, "nanomeet.recorder.login.password").orElse(null),
                trimSlash(NanoMeetSettings.text(config, "nanomeet.broadcast.ingest").orElse(DEFAULT_INGEST)),
                NanoMeetSettings.text(config, "nanomeet.broadcast.live-playout").orElse(DEFAULT_LIVE_PLAYOUT),
                NanoMeetSettings.text(config, "nanomeet.broadcast.vod-playout").orElse(DEFAULT_VOD_PLAYOUT),
                deadline);
    }

    private static URI recorderUrl(String text) {
        try {
            URI uri = URI.create(trimSlash(text));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new NanoMeetInvalidInputException("nanomeet.recorders", "a comma-separated list of http(s) base "
                    + "URLs of recorders");
        }
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }


    @Override
    public String toString() {
        return "BroadcastSettings[recorders=" + recorders + ", loginDomain=" + loginDomain + ", loginUsername="
                + loginUsername + ", loginPassword=" + Secrets.mask(loginPassword) + ", ingest=" + ingest
                + ", startDeadline=" + startDeadline + "]";
    }
}

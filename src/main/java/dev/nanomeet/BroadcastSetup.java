package dev.nanomeet;

/**
 * How to broadcast a meeting: the seed's {@code startBroadcast(isVOD)}.
 *
 * @param vod      whether the stream is recorded and available as VOD after it stops
 * @param recorder the base URL of the recorder to use, one of {@code nanomeet.recorders}; null to pick an idle one
 */
public record BroadcastSetup(boolean vod, String recorder) {

    /** A live broadcast on any idle recorder. */
    public static BroadcastSetup live() {
        return new BroadcastSetup(false, null);
    }

    /** A broadcast also recorded for VOD, on any idle recorder. */
    public static BroadcastSetup recorded() {
        return new BroadcastSetup(true, null);
    }

    /** The same broadcast on the given recorder. */
    public BroadcastSetup on(String recorderUrl) {
        return new BroadcastSetup(vod, recorderUrl);
    }
}

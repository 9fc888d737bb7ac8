package dev.nanomeet;

/** Where a broadcast stands. A recorder's acceptance alone is never RUNNING: only its health says so. */
public enum BroadcastState {
    /** The room is not broadcasting and has not broadcast through this module. */
    NONE,
    /** A recorder took the request; it has not yet reported being busy. */
    ACCEPTED,
    /** The recorder reports it is busy streaming the meeting. */
    RUNNING,
    /** The recorder went back to idle on its own, or never became busy within the deadline. */
    FAILED,
    /** Stopped on request. */
    STOPPED;

    /** Whether a recorder is (or may be about to be) streaming. */
    public boolean active() {
        return this == ACCEPTED || this == RUNNING;
    }
}

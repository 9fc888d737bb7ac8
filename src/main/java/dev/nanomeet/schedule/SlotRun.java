package dev.nanomeet.schedule;

import java.time.Instant;

/** What became of a slot when its timer fired. */
public record SlotRun(String key, String meetingId, String room, Slot.Kind kind, State state, String recorder,
        Instant ranAt, String detail) {

    /** How a slot ended. */
    public enum State {
        /** It ran: the broadcast started or stopped. */
        DONE,
        /** Its start came too late: the stop had passed (for example while the server was down). */
        MISSED,
        /** It ran and failed; the reason is in the detail. */
        FAILED
    }
}

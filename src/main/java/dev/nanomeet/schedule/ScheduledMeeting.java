package dev.nanomeet.schedule;

import java.time.Instant;
import java.util.List;

import dev.nanomeet.Invite;

/**
 * A meeting whose broadcast runs on the server's timers.
 *
 * @param id      the schedule's id, for rescheduling and cancelling
 * @param invites the invites minted when it was scheduled (empty when listed)
 * @param pending the slots still to run: START, STOP or both
 */
public record ScheduledMeeting(String id, String room, String streamname, Instant start, Instant stop, boolean vod,
        List<Invite> invites, List<Slot.Kind> pending) {

    public ScheduledMeeting {
        invites = List.copyOf(invites);
        pending = List.copyOf(pending);
    }
}

package dev.nanomeet.meetings;

import java.time.Instant;
import java.util.List;

/**
 * A meeting request of the main job, checked and with its defaults applied: a room, its validity, the host and
 * the participants to invite.
 */
public record MeetingRequest(String room, String server, Instant notBefore, Instant expires, Person host,
        List<Person> participants, BroadcastPlan broadcast) {

    public MeetingRequest {
        participants = List.copyOf(participants);
    }

    /** Whether the request asks for a broadcast. */
    public boolean broadcasts() {
        return broadcast != null;
    }

    /** A broadcast the request asks for: recorded or not, from when until when. */
    public record BroadcastPlan(boolean vod, Instant start, Instant stop) {
    }

    /** Someone taking part, with the role the invite gives. */
    public record Person(String name, Role role) {
    }

    /** What an invitee may do. */
    public enum Role {
        moderator, participant;

        /** Whether the invite is a moderator's. */
        public boolean isModerator() {
            return this == moderator;
        }
    }
}

package dev.nanomeet.schedule;

import java.io.Serializable;
import java.time.Instant;

import dev.nanomeet.Secrets;

/**
 * One timed step of a scheduled meeting, as its persistent timer keeps it: start or stop the broadcast of a room.
 * It carries the room's moderator token, which the timer store keeps: that store must be as private as the token.
 *
 * @param key the slot's identity: meeting, kind and instant; each key runs once
 */
public record Slot(String key, String meetingId, Kind kind, String room, String streamname, String moderatorToken,
        boolean vod, Instant start, Instant stop) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the slot does. */
    public enum Kind {
        START, STOP
    }

    /** The slot of a meeting that does {@code kind} at its instant. */
    static Slot of(String meetingId, Kind kind, String room, String streamname, String token, boolean vod,
            Instant start, Instant stop) {
        Instant at = kind == Kind.START ? start : stop;
        return new Slot(meetingId + ":" + kind + ":" + at.toEpochMilli(), meetingId, kind, room, streamname, token,
                vod, start, stop);
    }

    /** When the slot runs. */
    public Instant at() {
        return kind == Kind.START ? start : stop;
    }

    @Override
    public String toString() {
        return "Slot[key=" + key + ", room=" + room + ", token=" + Secrets.mask(moderatorToken) + "]";
    }
}

package dev.nanomeet.camel;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code nanomeet:} endpoint does, named by the URI path. */
public enum NanoMeetOperation {

    /** Creates a room and its moderator token ({@code NanoMeet.createRoom}). */
    createRoom,
    /** Creates an invite token with a moderator's token ({@code NanoMeet.createInvite}). */
    createInvite,
    /** Starts the broadcast of a moderator token's room ({@code NanoMeet.startBroadcast}). */
    startBroadcast,
    /** Stops the broadcast of a moderator token's room ({@code NanoMeet.stopBroadcast}). */
    stopBroadcast,
    /** Reads the broadcast of a room ({@code NanoMeet.broadcastStatus}). */
    broadcastStatus,
    /** Schedules the broadcast of a moderator token's room on the server's timers ({@code MeetingScheduler}). */
    schedule,
    /** Cancels a scheduled broadcast by its schedule id. */
    cancelSchedule,
    /** A consumer: one exchange per change of a broadcast's state, found by polling the recorders. */
    broadcastEvents;

    /** Whether the operation is for {@code from(...)} rather than {@code to(...)}. */
    boolean consumes() {
        return this == broadcastEvents;
    }

    /** The operation named {@code name}; fails naming the URI and the operations there are. */
    static NanoMeetOperation of(String name, String uri) {
        for (NanoMeetOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("operation must be one of " + names() + " (was '" + name + "' in " + uri
                + ")");
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}

package dev.nanomeet;

/** A broadcast that moved from one state to another, as listeners of {@link NanoMeet} hear it. */
public record BroadcastChange(String room, BroadcastState from, BroadcastState to, String recorder,
        Broadcast broadcast) {
}

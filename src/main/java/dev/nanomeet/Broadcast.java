package dev.nanomeet;

import java.time.Instant;

/**
 * A meeting's broadcast to nanoStream Cloud: the seed's answer to {@code startBroadcast}, with the recorder that
 * runs it and its state. The ingest URL holds the stream key: {@link #toString()} masks it.
 *
 * @param ingest     the RTMP URL the recorder streams to, {@code <ingest>/<live|rec>/<streamname>}
 * @param liveUrl    the live playout link
 * @param vodUrl     the VOD link, only when recorded; otherwise null
 * @param recorder   the base URL of the recorder; null when the room is not broadcasting
 * @param reason     why the broadcast failed, or null
 */
public record Broadcast(String room, String streamname, boolean vod, String ingest, String liveUrl, String vodUrl,
        String recorder, String sessionId, BroadcastState state, Instant acceptedAt, Instant startedAt,
        Instant stoppedAt, String reason) {

    /** What a room that is not broadcasting reports. */
    public static Broadcast none(String room) {
        return new Broadcast(room, null, false, null, null, null, null, null, BroadcastState.NONE, null, null, null,
                null);
    }

    /** The same broadcast in another state. */
    public Broadcast in(BroadcastState next, Instant at, String why) {
        Instant started = next == BroadcastState.RUNNING && startedAt == null ? at : startedAt;
        Instant stopped = (next == BroadcastState.STOPPED || next == BroadcastState.FAILED) && stoppedAt == null
                ? at : stoppedAt;
        return new Broadcast(room, streamname, vod, ingest, liveUrl, vodUrl, recorder, sessionId, next, acceptedAt,
                started, stopped, why);
    }

    @Override
    public String toString() {
        return "Broadcast[room=" + room + ", state=" + state + ", vod=" + vod + ", recorder=" + recorder
                + ", ingest=" + Secrets.mask(ingest) + ", liveUrl=" + liveUrl + ", vodUrl=" + vodUrl
                + (reason == null ? "" : ", reason=" + reason) + "]";
    }
}

package dev.nanomeet;

import java.time.Instant;

/**
 * A room that exists: the seed's answer to {@code createNanoMeetRoom}, with the secure token that opens it and
 * mints its invites.
 */
public record Room(Instant expiration, Instant notBefore, String room, String server, String streamname,
        boolean moderator, String token) {

    @Override
    public String toString() {
        return "Room[room=" + room + ", server=" + server + ", streamname=" + streamname + ", moderator=" + moderator
                + ", notBefore=" + notBefore + ", expiration=" + expiration + ", token=" + Secrets.mask(token) + "]";
    }
}

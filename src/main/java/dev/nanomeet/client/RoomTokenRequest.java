package dev.nanomeet.client;

/** The body of {@code POST /nanomeet} for a room token; instants are ISO-8601 text, as the service reads them. */
public record RoomTokenRequest(String exp, String nbf, String room, String streamname, boolean moderator,
        String server) {
}

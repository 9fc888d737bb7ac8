package dev.nanomeet;

import java.time.Instant;

/**
 * An invite token: the seed's answer to {@code createInviteToken}, plus the room and validity read from the token
 * so that a caller can tell an invitee when the meeting opens.
 */
public record Invite(boolean moderator, String token, String inviteLink, String room, Instant notBefore,
        Instant expires) {

    @Override
    public String toString() {
        return "Invite[room=" + room + ", moderator=" + moderator + ", notBefore=" + notBefore + ", expires="
                + expires + ", token=" + Secrets.mask(token) + "]";
    }
}

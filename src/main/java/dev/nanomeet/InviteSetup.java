package dev.nanomeet;

import java.time.Duration;
import java.time.Instant;

/**
 * What an invite looks like: the seed's {@code tokenSetup}. Without {@code notBefore} and {@code expires} the
 * invite keeps the validity of the token that mints it.
 *
 * @param moderator whether the invitee may invite, kick and broadcast in turn
 * @param notBefore when the invite becomes valid; null for the parent's
 * @param expires   when the invite expires; null for the parent's (or {@code notBefore} plus {@code validity})
 * @param validity  how long the invite is valid from {@code notBefore} (or the parent's), when no expires is given
 */
public record InviteSetup(boolean moderator, Instant notBefore, Instant expires, Duration validity) {

    /** An invite for a participant, valid as long as the parent token. */
    public static InviteSetup forParticipant() {
        return new InviteSetup(false, null, null, null);
    }

    /** An invite for a moderator, valid as long as the parent token. */
    public static InviteSetup forModerator() {
        return new InviteSetup(true, null, null, null);
    }

    /** The same invite valid only within the given window. */
    public InviteSetup within(Instant from, Instant until) {
        return new InviteSetup(moderator, from, until, null);
    }
}

package dev.nanomeet;

import java.time.Instant;
import java.util.List;

/**
 * What a nanoMeet token says about itself. Reading claims does not prove who signed them: only the issuer can
 * verify the signature.
 *
 * @param group the customer's group (the JWT {@code sub}); the meeting lives at {@code https://<server>/<group>/<room>}
 */
public record TokenClaims(String room, String streamname, String server, String group, boolean moderator,
        Instant notBefore, Instant expires, Instant issuedAt, String issuer, List<String> audience) {

    /** The address of the meeting in the browser. */
    public String meetingUrl() {
        return "https://" + server + "/" + group + "/" + room;
    }

    /** Whether the token is valid at the given instant. */
    public boolean validAt(Instant instant) {
        return (notBefore == null || !instant.isBefore(notBefore)) && (expires == null || instant.isBefore(expires));
    }
}

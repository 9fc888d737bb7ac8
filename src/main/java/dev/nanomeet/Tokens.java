package dev.nanomeet;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Reads the claims of nanoMeet tokens. Only the issuer can verify the signature; this reads what a token says. */
public final class Tokens {

    /** The browser library refuses shorter tokens. */
    public static final int MIN_LENGTH = 200;
    /** Longer tokens are refused before parsing. */
    public static final int MAX_LENGTH = 16_384;

    private static final Pattern COMPACT =
            Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){2}((\\.[A-Za-z0-9_-]*){2})?");
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private Tokens() {
    }

    /**
     * The claims of a signed nanoMeet token. A token that is not a signed JWT, or that lacks room, streamname,
     * server or sub, is refused with {@link NanoMeetInvalidInputException} naming {@code field}.
     */
    public static TokenClaims claims(String field, String token) {
        return claims(field, token, TokenVerifier.none());
    }

    /**
     * The claims of a signed nanoMeet token whose signature {@code verifier} checks too; refused as
     * {@link #claims(String, String)} refuses, and when the signature does not verify.
     */
    public static TokenClaims claims(String field, String token, TokenVerifier verifier) {
        TokenClaims known = token == null ? null : verifier.remembered(token);
        if (known != null) {
            return known;
        }
        if (token == null || token.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "given: a nanoMeet token is required");
        }
        if (token.length() < MIN_LENGTH || token.length() > MAX_LENGTH) {
            throw new NanoMeetInvalidInputException(field, "a nanoMeet token of " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters (was " + token.length() + ")");
        }
        if (!COMPACT.matcher(token).matches()) {
            throw new NanoMeetInvalidInputException(field, "a JWT of three base64url parts with JSON claims");
        }
        SignedJWT jwt = parse(field, token);
        TokenClaims claims;
        try {
            claims = read(field, claimsOf(field, jwt));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new NanoMeetInvalidInputException(field, "a nanoMeet token whose claims have their usual types");
        }
        verifier.verify(field, jwt);
        verifier.remember(token, claims);
        return claims;
    }

    private static TokenClaims read(String field, JWTClaimsSet claims) {
        String room = required(field, claims, "room");
        String streamname = required(field, claims, "streamname");
        String server = required(field, claims, "server");
        String group = requiredSubject(field, claims);
        try {
            NanoMeetRules.room("room", room);
            NanoMeetRules.streamname("streamname", streamname);
            NanoMeetRules.server("server", server);
        } catch (NanoMeetInvalidInputException e) {
            throw new NanoMeetInvalidInputException(field, "a nanoMeet token whose " + e.field() + " claim is "
                    + e.rule());
        }
        if (!GROUP.matcher(group).matches()) {
            throw new NanoMeetInvalidInputException(field, "a nanoMeet token whose sub claim is made of a-z, A-Z, "
                    + "0-9, _, . and - only");
        }
        return new TokenClaims(
                room,
                streamname,
                server,
                group,
                bool(claims, "moderator"),
                instant(claims.getNotBeforeTime()),
                instant(claims.getExpirationTime()),
                instant(claims.getIssueTime()),
                claims.getIssuer(),
                claims.getAudience() == null ? List.of() : List.copyOf(claims.getAudience()));
    }

    /** The claims of a token, naming the field {@code token} in errors. */
    public static TokenClaims claims(String token) {
        return claims("token", token);
    }

    private static SignedJWT parse(String field, String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof PlainJWT) {
                throw new NanoMeetInvalidInputException(field, "a signed token (alg none is refused)");
            }
            if (!(jwt instanceof SignedJWT signed)) {
                throw new NanoMeetInvalidInputException(field, "a signed token, not an encrypted one");
            }
            return signed;
        } catch (ParseException e) {
            throw new NanoMeetInvalidInputException(field, "a JWT of three base64url parts with JSON claims");
        }
    }

    private static JWTClaimsSet claimsOf(String field, SignedJWT jwt) {
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims == null) {
                throw new NanoMeetInvalidInputException(field, "a JWT with JSON claims");
            }
            return claims;
        } catch (ParseException e) {
            throw new NanoMeetInvalidInputException(field, "a JWT of three base64url parts with JSON claims");
        }
    }

    private static String required(String field, JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "a nanoMeet token with a " + name + " claim");
        }
        return text;
    }

    private static String requiredSubject(String field, JWTClaimsSet claims) {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "a nanoMeet token with a sub (group) claim");
        }
        return subject;
    }

    private static boolean bool(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof Boolean flag ? flag : "true".equals(value);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

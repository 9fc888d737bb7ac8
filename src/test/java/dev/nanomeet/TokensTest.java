package dev.nanomeet;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class TokensTest {

    private static final Instant NBF = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant EXP = Instant.parse("2026-06-15T10:00:00Z");
    private static final Instant IAT = Instant.parse("2026-05-31T08:30:00Z");

    private static RSAKey key;

    @BeforeAll
    static void generateKey() throws JOSEException {
        key = new RSAKeyGenerator(2048).generate();
    }

    @Test
    void claimsReadsEveryClaimOfASignedToken() {
        TokenClaims claims = Tokens.claims(signed(claims().build()));

        assertThat(claims).as("claims of a full moderator token").isEqualTo(new TokenClaims("town_hall", "stream-1",
                "nanomeet-eu.nanocosmos.de", "acme", true, NBF, EXP, IAT, "bintu-cloud-token", List.of("nanomeet")));
    }

    @Test
    void claimsReadsAParticipantWithoutValidityAsNotModeratorAndOpenEnded() {
        JWTClaimsSet participant = claims().claim("moderator", null).notBeforeTime(null).expirationTime(null)
                .issueTime(null).issuer(null).audience((String) null).build();

        assertThat(Tokens.claims(signed(participant))).as("claims of a minimal participant token")
                .isEqualTo(new TokenClaims("town_hall", "stream-1", "nanomeet-eu.nanocosmos.de", "acme", false,
                        null, null, null, null, List.of()));
    }

    @Test
    void claimsReadsModeratorWrittenAsText() {
        assertThat(Tokens.claims(signed(claims().claim("moderator", "true").build())).moderator())
                .as("moderator claim \"true\"").isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void claimsRefusesNoToken(String token) {
        assertRefused(() -> Tokens.claims(token), "token", "token must be given: a nanoMeet token is required");
    }

    @Test
    void claimsRefusesTokensShorterThan200CharactersNamingTheGivenField() {
        assertRefused(() -> Tokens.claims("moderatorToken", "a".repeat(199)), "moderatorToken",
                "moderatorToken must be a nanoMeet token of 200 to 16384 characters (was 199)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "aaaa.bbbb.cccc", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"})
    void claimsRefusesGarbage(String garbage) {
        String token = garbage + "x".repeat(250);

        assertRefused(() -> Tokens.claims(token), "token",
                "token must be a JWT of three base64url parts with JSON claims");
    }

    @Test
    void claimsRefusesUnsignedTokens() {
        String token = new PlainJWT(claims().build()).serialize();

        assertThat(token).as("an alg none token long enough to be parsed").hasSizeGreaterThan(Tokens.MIN_LENGTH);
        assertRefused(() -> Tokens.claims(token), "token", "token must be a signed token (alg none is refused)");
    }

    @Test
    void claimsRefusesEncryptedTokens() throws JOSEException {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                claims().build());
        jwe.encrypt(new RSAEncrypter(key));

        assertRefused(() -> Tokens.claims(jwe.serialize()), "token",
                "token must be a signed token, not an encrypted one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"room", "streamname", "server"})
    void claimsRefusesTokensWithoutARequiredClaim(String name) {
        String missing = signed(claims().claim(name, null).build());
        String blank = signed(claims().claim(name, " ").build());

        String message = "token must be a nanoMeet token with a " + name + " claim";

        assertRefused(() -> Tokens.claims(missing), "token", message);
        assertRefused(() -> Tokens.claims(blank), "token", message);
    }

    @Test
    void claimsRefusesTokensWithoutSubject() {
        String token = signed(claims().subject(null).build());

        assertRefused(() -> Tokens.claims("invite token", token), "invite token",
                "invite token must be a nanoMeet token with a sub (group) claim");
    }

    @Test
    void meetingUrlIsServerGroupAndRoom() {
        assertThat(Tokens.claims(signed(claims().build())).meetingUrl()).as("meeting URL")
                .isEqualTo("https://nanomeet-eu.nanocosmos.de/acme/town_hall");
    }

    @Test
    void validAtIncludesNotBeforeAndExcludesExpires() {
        TokenClaims claims = Tokens.claims(signed(claims().build()));

        assertThat(claims.validAt(NBF.minusSeconds(1))).as("valid a second before nbf").isFalse();
        assertThat(claims.validAt(NBF)).as("valid at nbf").isTrue();
        assertThat(claims.validAt(EXP.minusMillis(1))).as("valid just before exp").isTrue();
        assertThat(claims.validAt(EXP)).as("valid at exp").isFalse();
    }

    @Test
    void validAtHoldsAlwaysWithoutNotBeforeAndExpires() {
        TokenClaims claims = new TokenClaims("r", "s", "h", "g", false, null, null, null, null, List.of());

        assertThat(claims.validAt(Instant.EPOCH)).as("valid at the epoch without nbf/exp").isTrue();
        assertThat(claims.validAt(Instant.parse("2999-01-01T00:00:00Z"))).as("valid in 2999 without nbf/exp")
                .isTrue();
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().claim("room", "town_hall").claim("streamname", "stream-1")
                .claim("server", "nanomeet-eu.nanocosmos.de").subject("acme").claim("moderator", true)
                .notBeforeTime(Date.from(NBF)).expirationTime(Date.from(EXP)).issueTime(Date.from(IAT))
                .audience("nanomeet").issuer("bintu-cloud-token");
    }

    private static String signed(JWTClaimsSet claims) {
        return TestTokens.signed(claims, key);
    }

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).as("refusal of a bad token").isExactlyInstanceOf(NanoMeetInvalidInputException.class);
        assertThat(((NanoMeetInvalidInputException) thrown).field()).as("field named").isEqualTo(field);
        assertThat(thrown.getMessage()).as("message").isEqualTo(message);
    }
}

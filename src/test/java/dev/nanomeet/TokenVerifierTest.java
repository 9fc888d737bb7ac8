package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signature checks of tokens: by the issuer's JWK set or a shared secret; verified tokens are remembered. */
class TokenVerifierTest {

    private static final String SECRET = "a-shared-secret-of-thirty-two-bytes!";
    private static final RSAKey ISSUER = key("issuer-key");
    private static final RSAKey OTHER = key("other-key");

    private final AtomicInteger fetches = new AtomicInteger();

    @Test
    void keysVerifyTheIssuersTokensAndRememberThem() {
        TokenVerifier verifier = TokenVerifier.keys(counting(new JWKSet(ISSUER.toPublicJWK())), 100, Clock.systemUTC());
        String token = TestTokens.signed(claims(), ISSUER);

        TokenClaims claims = Tokens.claims("token", token, verifier);
        TokenClaims again = Tokens.claims("token", token, verifier);

        assertThat(claims.room()).isEqualTo("signed_room");
        assertThat(again).as("remembered").isSameAs(claims);
        assertThat(fetches).as("the JWK set fetched once").hasValue(1);
    }

    @Test
    void keysRefuseATokenOfAnotherSignerByName() {
        TokenVerifier verifier = TokenVerifier.keys(counting(new JWKSet(ISSUER.toPublicJWK())), 100, Clock.systemUTC());
        String forged = forgedWithKid(OTHER, ISSUER.getKeyID());

        assertRefused(forged, verifier, "token must be signed by the token issuer (its signature does not verify)");
    }

    @Test
    void anUnknownKeyFetchesTheSetAgainAtMostEveryThirtySeconds() {
        Instant[] now = {Instant.parse("2026-06-01T10:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        TokenVerifier verifier = TokenVerifier.keys(counting(new JWKSet(ISSUER.toPublicJWK())), 100, clock);
        String unknown = forgedWithKid(OTHER, OTHER.getKeyID());

        assertRefused(unknown, verifier, "token must be signed by a key of the token issuer (its JWK set has no key "
                + "other-key)");
        assertRefused(unknown, verifier, "token must be signed by a key of the token issuer (its JWK set has no key "
                + "other-key)");
        assertThat(fetches).as("no second fetch within 30 s").hasValue(1);

        now[0] = now[0].plus(Duration.ofSeconds(31));
        assertRefused(unknown, verifier, "token must be signed by a key of the token issuer (its JWK set has no key "
                + "other-key)");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aSecretVerifiesHmacTokensAndRefusesOthers() throws JOSEException {
        TokenVerifier verifier = TokenVerifier.secret(SECRET, 100);
        String hmac = hmac(SECRET);

        assertThat(Tokens.claims("token", hmac, verifier).room()).isEqualTo("signed_room");
        assertRefused(hmac("another-shared-secret-of-32-bytes!!"), verifier,
                "token must be signed by the token issuer (its signature does not verify)");
        assertRefused(TestTokens.signed(claims(), ISSUER), verifier,
                "token must be signed with HS256, HS384 or HS512, as nanomeet.token.secret is set (was RS256)");
    }

    @Test
    void aShortSecretIsRefusedByItsKey() {
        NanoMeetInvalidInputException refused = catchThrowableOfType(NanoMeetInvalidInputException.class,
                () -> TokenVerifier.secret("short", 100));

        assertThat(refused.getMessage()).isEqualTo("nanomeet.token.secret must be at least 32 bytes long (was 5)");
    }

    @Test
    void withoutCacheEveryReadVerifiesAndNoneVerifiesNothing() {
        TokenVerifier uncached = TokenVerifier.keys(counting(new JWKSet(ISSUER.toPublicJWK())), 0, Clock.systemUTC());
        String token = TestTokens.signed(claims(), ISSUER);

        assertThat(Tokens.claims("token", token, uncached)).isNotSameAs(Tokens.claims("token", token, uncached));
        assertThat(TokenVerifier.none().verifies()).isFalse();
        assertThat(Tokens.claims("token", forgedWithKid(OTHER, "x"), TokenVerifier.none()).room())
                .as("read, not checked").isEqualTo("signed_room");
        assertThat(TokenVerifier.secret(SECRET, 1).toString()).doesNotContain(SECRET);
    }

    @Test
    void aKeySetThatCannotBeReadFailsAsTheServiceAnswer() {
        TokenVerifier verifier = TokenVerifier.keys(() -> "{\"not\": \"keys\"", 100, Clock.systemUTC());

        NanoMeetException failure = catchThrowableOfType(NanoMeetException.class,
                () -> Tokens.claims("token", TestTokens.signed(claims(), ISSUER), verifier));

        assertThat(failure.getMessage()).isEqualTo("Could not fetch token keys: the answer held no JWK set (HTTP 200)");
    }

    private Supplier<String> counting(JWKSet keys) {
        return () -> {
            fetches.incrementAndGet();
            return keys.toString(true);
        };
    }

    private static void assertRefused(String token, TokenVerifier verifier, String message) {
        NanoMeetInvalidInputException refused = catchThrowableOfType(NanoMeetInvalidInputException.class,
                () -> Tokens.claims("token", token, verifier));
        assertThat(refused).as("refused: " + message).isNotNull();
        assertThat(refused.field()).isEqualTo("token");
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    private static String forgedWithKid(RSAKey signer, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String secret) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("signed-group").claim("room", "signed_room")
                .claim("streamname", "SIGNE-00001").claim("server", "nanomeet-eu.nanocosmos.de")
                .claim("moderator", true).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600))).build();
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

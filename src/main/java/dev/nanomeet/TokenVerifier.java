package dev.nanomeet;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.Config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import dev.nanomeet.client.RemoteCalls;
import dev.nanomeet.client.TokenKeysClient;

/**
 * Checks that a token was signed by its issuer: with the issuer's public keys (a JWK set, {@code
 * nanomeet.token.keys-url}) or a shared secret ({@code nanomeet.token.secret}, as a self-hosted Jitsi deployment signs
 * with). Without either, nothing is checked: only the issuer can verify, and the module reads what a token says.
 * Tokens that verified are remembered (up to {@code nanomeet.token.verified-cache-size}), so a token used again costs
 * a lookup, not a signature check.
 */
public final class TokenVerifier {

    /** How many verified tokens are remembered by default. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;
    /** The shortest shared secret accepted: 256 bits, as HS256 needs. */
    public static final int MIN_SECRET_BYTES = 32;

    /** The value of {@code nanomeet.token.keys-url} that turns the check off where a default turned it on. */
    public static final String NO_KEYS = "none";

    static final String FETCH_KEYS = "fetch token keys";
    private static final Duration REFETCH_PAUSE = Duration.ofSeconds(30);
    private static final TokenVerifier NONE = new TokenVerifier(null, null, 0, Clock.systemUTC());

    private final Supplier<String> keySource;
    private final byte[] secret;
    private final int cacheSize;
    private final Clock clock;
    private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();
    private volatile JWKSet keys;
    private volatile Instant fetchedAt = Instant.MIN;

    private TokenVerifier(Supplier<String> keySource, byte[] secret, int cacheSize, Clock clock) {
        this.keySource = keySource;
        this.secret = secret;
        this.cacheSize = cacheSize;
        this.clock = clock;
    }

    /** Verifies nothing: claims are read as the token states them. */
    public static TokenVerifier none() {
        return NONE;
    }

    /**
     * Verifies with the keys of a JWK set that {@code source} answers (JSON), fetched on first use and again when a
     * token names a key it does not hold (at most every 30 seconds).
     */
    public static TokenVerifier keys(Supplier<String> source, int cacheSize, Clock clock) {
        return new TokenVerifier(source, null, cacheSize(cacheSize), clock);
    }

    /** Verifies HMAC-signed tokens (HS256, HS384, HS512) with a shared secret of at least 32 bytes. */
    public static TokenVerifier secret(String secret, int cacheSize) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new NanoMeetInvalidInputException("nanomeet.token.secret", "at least " + MIN_SECRET_BYTES
                    + " bytes long (was " + bytes.length + ")");
        }
        return new TokenVerifier(null, bytes, cacheSize(cacheSize), Clock.systemUTC());
    }

    /**
     * The verifier the settings ask for; none when neither a keys URL (other than {@value #NO_KEYS}) nor a secret is
     * set.
     */
    public static TokenVerifier from(Config config) {
        Optional<String> url = NanoMeetSettings.text(config, "nanomeet.token.keys-url")
                .filter(value -> !NO_KEYS.equals(value));
        Optional<String> secret = NanoMeetSettings.text(config, "nanomeet.token.secret");
        int cacheSize = config.getOptionalValue("nanomeet.token.verified-cache-size", Integer.class)
                .orElse(DEFAULT_CACHE_SIZE);
        if (url.isPresent() && secret.isPresent()) {
            throw new NanoMeetInvalidInputException("nanomeet.token.secret", "unset when nanomeet.token.keys-url is "
                    + "set (a token issuer signs with one or the other)");
        }
        if (url.isPresent()) {
            URI keysUrl = URI.create(NanoMeetRules.webUrl("nanomeet.token.keys-url", url.get()));
            TokenKeysClient client = TokenKeysClient.at(keysUrl, config);
            return keys(client::keys, cacheSize, Clock.systemUTC());
        }
        return secret.map(value -> secret(value, cacheSize)).orElse(NONE);
    }

    /** Whether tokens are checked at all. */
    public boolean verifies() {
        return keySource != null || secret != null;
    }

    /** The claims of a token that verified before, or null. */
    TokenClaims remembered(String token) {
        return cacheSize == 0 ? null : verified.get(token);
    }

    /** Checks the signature; refuses with {@link NanoMeetInvalidInputException} naming {@code field}. */
    void verify(String field, SignedJWT jwt) {
        if (!verifies()) {
            return;
        }
        JWSVerifier verifier = verifier(field, jwt.getHeader());
        boolean valid;
        try {
            valid = jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw new NanoMeetInvalidInputException(field, "signed by the token issuer (its signature does not "
                    + "verify)");
        }
    }

    /** Remembers a verified token's claims; when full, forgets every one first. */
    void remember(String token, TokenClaims claims) {
        if (cacheSize == 0 || !verifies()) {
            return;
        }
        if (verified.size() >= cacheSize) {
            verified.clear();
        }
        verified.put(token, claims);
    }

    private JWSVerifier verifier(String field, JWSHeader header) {
        JWSAlgorithm algorithm = header.getAlgorithm();
        if (secret != null) {
            if (!JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                throw new NanoMeetInvalidInputException(field, "signed with HS256, HS384 or HS512, as "
                        + "nanomeet.token.secret is set (was " + algorithm + ")");
            }
            try {
                return new MACVerifier(secret);
            } catch (JOSEException e) {
                throw new NanoMeetInvalidInputException(field, "signed with a secret nanomeet.token.secret can check");
            }
        }
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            throw new NanoMeetInvalidInputException(field, "signed with a public-key algorithm of the issuer's JWK set "
                    + "(was " + algorithm + ")");
        }
        JWK key = key(header);
        if (key == null) {
            throw new NanoMeetInvalidInputException(field, "signed by a key of the token issuer (its JWK set has no "
                    + "key " + (header.getKeyID() == null ? "for " + algorithm : header.getKeyID()) + ")");
        }
        try {
            Key publicKey = ((AsymmetricJWK) key).toPublicKey();
            return new DefaultJWSVerifierFactory().createJWSVerifier(header, publicKey);
        } catch (JOSEException | ClassCastException e) {
            throw new NanoMeetInvalidInputException(field, "signed by a key of the token issuer (key "
                    + key.getKeyID() + " cannot check " + algorithm + ")");
        }
    }

    /** The key that matches the header; the set is fetched again when none does and the last fetch is old enough. */
    private JWK key(JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        JWKSet current = keys;
        List<JWK> found = current == null ? List.of() : selector.select(current);
        if (found.isEmpty() && clock.instant().isAfter(fetchedAt.plus(REFETCH_PAUSE))) {
            current = fetch();
            found = selector.select(current);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private synchronized JWKSet fetch() {
        String document;
        try {
            document = keySource.get();
        } catch (NanoMeetException e) {
            throw e.withOperation(FETCH_KEYS);
        } catch (RuntimeException e) {
            throw RemoteCalls.translate(FETCH_KEYS, e);
        }
        try {
            JWKSet fetched = JWKSet.parse(document == null ? "" : document);
            keys = fetched;
            fetchedAt = clock.instant();
            return fetched;
        } catch (ParseException e) {
            throw new NanoMeetException(FETCH_KEYS, 200, "the answer held no JWK set", e);
        }
    }

    private static int cacheSize(int size) {
        if (size < 0) {
            throw new NanoMeetInvalidInputException("nanomeet.token.verified-cache-size", "0 or more (was " + size
                    + ")");
        }
        return size;
    }


    @Override
    public String toString() {
        return "TokenVerifier[" + (secret != null ? "secret of " + secret.length + " bytes"
                : keySource != null ? "JWK set" : "none") + ", cacheSize=" + cacheSize + "]";
    }
}

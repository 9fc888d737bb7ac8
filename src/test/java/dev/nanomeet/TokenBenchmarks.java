package dev.nanomeet;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * JMH benchmarks of what the module does on every call without the network, each beside the bare minimum: reading
 * a token's claims, checking its signature (RS256 against a JWK set), and checking the input of a room. Run by
 * {@code ClaimsBench} in {@code mvn -Pbench verify}.
 */
@State(Scope.Benchmark)
public class TokenBenchmarks {

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_]+");

    private String token;
    private TokenVerifier remembering;
    private TokenVerifier checkingEveryTime;
    private RSASSAVerifier rawVerifier;
    private Instant nbf;

    @Setup
    public void setUp() throws JOSEException {
        Instant now = Instant.now();
        token = TestTokens.signed(new JWTClaimsSet.Builder().subject("bench-group").claim("room", "bench_room")
                .claim("streamname", "BENCH-00001").claim("server", "nanomeet-eu.nanocosmos.de")
                .claim("moderator", true).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600))).issueTime(Date.from(now)).build());
        String keys = new JWKSet(TestTokens.key().toPublicJWK()).toString(true);
        remembering = TokenVerifier.keys(() -> keys, TokenVerifier.DEFAULT_CACHE_SIZE, Clock.systemUTC());
        checkingEveryTime = TokenVerifier.keys(() -> keys, 0, Clock.systemUTC());
        rawVerifier = new RSASSAVerifier(TestTokens.key().toRSAPublicKey());
        nbf = now.truncatedTo(ChronoUnit.SECONDS);
    }

    @Benchmark
    public TokenClaims claims() {
        return Tokens.claims("token", incoming());
    }

    @Benchmark
    public JWTClaimsSet rawClaims() throws ParseException {
        return SignedJWT.parse(incoming()).getJWTClaimsSet();
    }

    @Benchmark
    public TokenClaims claimsAndSignature() {
        return Tokens.claims("token", incoming(), remembering);
    }

    @Benchmark
    public TokenClaims claimsAndSignatureEveryTime() {
        return Tokens.claims("token", incoming(), checkingEveryTime);
    }

    @Benchmark
    public JWTClaimsSet rawClaimsAndSignature() throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(incoming());
        if (!jwt.verify(rawVerifier)) {
            throw new IllegalStateException("the bench token does not verify");
        }
        return jwt.getJWTClaimsSet();
    }

    /** The token as a request brings it: a string of its own, whose hash is not computed yet. */
    private String incoming() {
        return new String(token.toCharArray());
    }

    @Benchmark
    public Instant validation() {
        NanoMeetRules.room("room", "bench_room");
        NanoMeetRules.server("server", "nanomeet-eu.nanocosmos.de");
        NanoMeetRules.window("nbf", "exp", nbf, nbf.plusSeconds(3600), nbf);
        return nbf;
    }

    @Benchmark
    public boolean rawValidation() {
        return ROOM.matcher("bench_room").matches();
    }
}

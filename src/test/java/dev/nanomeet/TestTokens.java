package dev.nanomeet;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs test tokens with an RSA key of the tests' own. */
public final class TestTokens {

    private static final RSAKey KEY = generate();

    private TestTokens() {
    }

    /** The claims signed with RS256. */
    public static String signed(JWTClaimsSet claims) {
        return signed(claims, KEY);
    }

    /** The claims signed with RS256 and the given key. */
    public static String signed(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
        return jwt.serialize();
    }

    /** The tests' signing key. */
    public static RSAKey key() {
        return KEY;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make a test key", e);
        }
    }
}

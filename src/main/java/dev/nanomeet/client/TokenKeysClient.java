package dev.nanomeet.client;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The JWK set of the token issuer ({@code nanomeet.token.keys-url}): the public keys that verify the signatures of
 * nanoMeet tokens. The nanoMeet emulator publishes its own at {@code /emulator/token/jwks}.
 */
@RegisterProvider(NanoMeetResponseExceptionMapper.class)
public interface TokenKeysClient {

    /** The config key whose standard {@code /mp-rest/connectTimeout} and {@code /mp-rest/readTimeout} apply. */
    String CONFIG_KEY = "nanomeet.token-keys";

    /** The JWK set document, as JSON. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    String keys();

    /** A client for the JWK set at {@code url}, with the configured timeouts (5 s by default). */
    static TokenKeysClient at(URI url, Config config) {
        return RestClients.build(TokenKeysClient.class, url, config, CONFIG_KEY, 5_000, 5_000);
    }
}

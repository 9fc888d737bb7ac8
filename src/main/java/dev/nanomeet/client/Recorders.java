package dev.nanomeet.client;

import java.net.URI;

import org.eclipse.microprofile.config.Config;

/**
 * Builds the REST client of each recorder of the pool. Recorders are a list of base URLs
 * ({@code nanomeet.recorders}), so their clients are built here rather than injected.
 */
public final class Recorders {

    /** The config key whose standard {@code /mp-rest/connectTimeout} and {@code /mp-rest/readTimeout} apply. */
    public static final String CONFIG_KEY = "nanomeet.recorder";

    private static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long DEFAULT_READ_TIMEOUT_MILLIS = 10_000;

    private Recorders() {
    }

    /** A client for the recorder at {@code baseUrl}, with the configured timeouts. */
    public static JibriClient client(URI baseUrl, Config config) {
        return RestClients.build(JibriClient.class, baseUrl, config, CONFIG_KEY, DEFAULT_CONNECT_TIMEOUT_MILLIS,
                DEFAULT_READ_TIMEOUT_MILLIS);
    }

    /** A client for the recorder at {@code baseUrl}, with the given timeouts. */
    public static JibriClient client(URI baseUrl, long connectTimeoutMillis, long readTimeoutMillis) {
        return RestClients.build(JibriClient.class, baseUrl, connectTimeoutMillis, readTimeoutMillis);
    }
}

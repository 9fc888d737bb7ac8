package dev.nanomeet.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

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
        long connect = config.getOptionalValue(CONFIG_KEY + "/mp-rest/connectTimeout", Long.class)
                .orElse(DEFAULT_CONNECT_TIMEOUT_MILLIS);
        long read = config.getOptionalValue(CONFIG_KEY + "/mp-rest/readTimeout", Long.class)
                .orElse(DEFAULT_READ_TIMEOUT_MILLIS);
        return client(baseUrl, connect, read);
    }

    /** A client for the recorder at {@code baseUrl}, with the given timeouts. */
    public static JibriClient client(URI baseUrl, long connectTimeoutMillis, long readTimeoutMillis) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build(JibriClient.class);
    }
}

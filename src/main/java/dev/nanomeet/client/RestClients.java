package dev.nanomeet.client;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds the REST clients whose address is a setting of its own rather than {@code <key>/mp-rest/url} (each recorder
 * of the pool, the token issuer's key set), with the standard {@code <key>/mp-rest/connectTimeout} and
 * {@code <key>/mp-rest/readTimeout} of their config key.
 */
final class RestClients {

    private RestClients() {
    }

    /** A client of {@code type} at {@code url}, with the timeouts of {@code configKey} or the given defaults. */
    static <T> T build(Class<T> type, URI url, Config config, String configKey, long defaultConnectMillis,
            long defaultReadMillis) {
        long connect = config.getOptionalValue(configKey + "/mp-rest/connectTimeout", Long.class)
                .orElse(defaultConnectMillis);
        long read = config.getOptionalValue(configKey + "/mp-rest/readTimeout", Long.class).orElse(defaultReadMillis);
        return build(type, url, connect, read);
    }

    /** A client of {@code type} at {@code url}, with the given timeouts. */
    static <T> T build(Class<T> type, URI url, long connectMillis, long readMillis) {
        return RestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readMillis, TimeUnit.MILLISECONDS)
                .build(type);
    }
}

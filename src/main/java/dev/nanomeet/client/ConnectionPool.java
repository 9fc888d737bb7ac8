package dev.nanomeet.client;

import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientListener;

/**
 * Sizes the outbound connection pool of the module's own REST clients ({@code nanomeet.http.max-connections}, 200 by
 * default), so that concurrent callers do not queue for a connection. Other clients of the application are left as
 * they are.
 */
public class ConnectionPool implements RestClientListener {

    /** The default number of pooled connections per service. */
    public static final int DEFAULT_MAX_CONNECTIONS = 200;

    private static final Set<Class<?>> OURS = Set.of(TokenServiceClient.class, BintuClient.class, JibriClient.class,
            TokenKeysClient.class);

    @Override
    public void onNewClient(Class<?> serviceInterface, RestClientBuilder builder) {
        if (!OURS.contains(serviceInterface)) {
            return;
        }
        int connections = ConfigProvider.getConfig().getOptionalValue("nanomeet.http.max-connections", Integer.class)
                .orElse(DEFAULT_MAX_CONNECTIONS);
        builder.property("resteasy.connectionPoolSize", connections);
        builder.property("resteasy.maxPooledPerRoute", connections);
    }
}

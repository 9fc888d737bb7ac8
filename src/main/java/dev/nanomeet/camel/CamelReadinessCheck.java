package dev.nanomeet.camel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: UP once the CamelContext runs and all its routes have started. */
@Readiness
@ApplicationScoped
public class CamelReadinessCheck implements HealthCheck {

    @Inject
    CamelBootstrap camel;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("nanomeet-camel")
                .status(camel.routesStarted())
                .withData("routes", camel.routeCount())
                .withData("routeFiles", camel.loadedRouteFiles().size())
                .build();
    }
}

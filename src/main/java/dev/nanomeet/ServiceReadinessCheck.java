package dev.nanomeet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN when the token service cannot be reached or the API key is refused, saying which. */
@Readiness
@ApplicationScoped
public class ServiceReadinessCheck implements HealthCheck {

    @Inject
    NanoMeet nanoMeet;

    @Override
    public HealthCheckResponse call() {
        ServiceStatus status = nanoMeet.serviceStatus();
        return HealthCheckResponse.named("nanomeet-services")
                .status(status.ready())
                .withData("tokenService", status.tokenService())
                .withData("apiKey", status.apiKey() + " (" + status.apiKeyMasked() + ")")
                .withData("tokenServiceCircuit", status.tokenCircuit())
                .withData("bintuCircuit", status.bintuCircuit())
                .build();
    }
}

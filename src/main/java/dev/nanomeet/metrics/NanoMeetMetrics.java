package dev.nanomeet.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import dev.nanomeet.CallObserver;

/**
 * Counts, times and sorts by outcome every remote call and Camel operation of the module, in MicroProfile Metrics
 * ({@code /metrics}): {@code nanomeet_calls_total} and {@code nanomeet_call_seconds}, tagged with the service (or
 * "camel"), the operation and the outcome ("success" or the exception's type). Needs the server's mpMetrics feature;
 * without it this bean is not loaded and nothing is counted.
 */
@ApplicationScoped
public class NanoMeetMetrics implements CallObserver {

    @Inject
    MetricRegistry registry;

    @Override
    public void observe(String kind, String name, Duration took, Throwable failure) {
        Tag service = new Tag("service", kind);
        Tag operation = new Tag("operation", name);
        Tag outcome = new Tag("outcome", failure == null ? "success" : failure.getClass().getSimpleName());
        registry.counter("nanomeet.calls", service, operation, outcome).inc();
        registry.timer("nanomeet.call", service, operation).update(took);
    }
}

package dev.nanomeet.client;

import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

import dev.nanomeet.CallObserver;
import dev.nanomeet.NanoMeetBusyException;
import dev.nanomeet.NanoMeetException;
import dev.nanomeet.NanoMeetTimeoutException;
import dev.nanomeet.NanoMeetUnavailableException;

/**
 * The fault tolerance of one remote service: retries for the calls that are safe to repeat (RFC 9110, 9.2.2) on
 * connection failures, 502, 503, 504 and 429, with exponential backoff and jitter, honouring {@code Retry-After};
 * and around them a circuit breaker, which counts a call once, after its retries. Calls that create or start
 * something are not retried.
 */
public final class ServiceGuard {

    /** Whether a call may be repeated without changing its effect. */
    public enum Repeat {
        /** Changes nothing remote, or repeating it gives the same result: retried. */
        SAFE,
        /** Creates or starts something: never retried blindly. */
        UNSAFE
    }

    private static final Logger LOG = Logger.getLogger(ServiceGuard.class.getName());

    private final String service;
    private final RetryPolicy policy;
    private final CallObserver observer;
    private final Guard breaker;
    private final Guard retry;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    public ServiceGuard(String service, RetryPolicy policy) {
        this(service, policy, CallObserver.NONE);
    }

    /** A guard whose calls the observer hears of, each once with its total time. */
    public ServiceGuard(String service, RetryPolicy policy, CallObserver observer) {
        this.service = service;
        this.policy = policy;
        this.observer = observer;
        this.breaker = Guard.create()
                .withDescription(service)
                .withCircuitBreaker()
                    .requestVolumeThreshold(policy.breakerVolume())
                    .failureRatio(policy.breakerRatio())
                    .delay(policy.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .when(ServiceGuard::serviceFault)
                    .onStateChange(this::changed)
                    .done()
                .build();
        this.retry = Guard.create()
                .withDescription(service + " retries")
                .withRetry()
                    .maxRetries(policy.maxRetries())
                    .delay(policy.initialDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(policy.jitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(policy.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    .whenException(this::retryable)
                    .beforeRetry(this::waitRetryAfter)
                    .withExponentialBackoff()
                        .factor(2)
                        .maxDelay(policy.maxDelay().toMillis(), ChronoUnit.MILLIS)
                        .done()
                    .done()
                .build();
    }

    /** Calls the service; every failure reaches the caller as a {@link NanoMeetException} naming the operation. */
    public <T> T call(String operation, Repeat repeat, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            T result = guarded(operation, repeat, call);
            observer.observe(service, operation, Duration.ofNanos(System.nanoTime() - started), null);
            return result;
        } catch (NanoMeetException e) {
            observer.observe(service, operation, Duration.ofNanos(System.nanoTime() - started), e);
            throw e;
        }
    }

    private <T> T guarded(String operation, Repeat repeat, Supplier<T> call) {
        Supplier<Object> attempt = () -> translated(operation, call);
        Supplier<Object> attempts = repeat == Repeat.SAFE ? () -> retry.get(attempt, Object.class) : attempt;
        try {
            @SuppressWarnings("unchecked")
            T result = (T) breaker.get(attempts, Object.class);
            return result;
        } catch (CircuitBreakerOpenException e) {
            throw new NanoMeetUnavailableException(operation, 0, "the " + service + " failed repeatedly; calls are "
                    + "refused for " + policy.breakerDelay() + " (circuit open)", e);
        } catch (NanoMeetException e) {
            throw repeat == Repeat.UNSAFE ? maybeReached(operation, e) : e;
        }
    }

    /** The state of the circuit breaker: CLOSED (calls go through), OPEN (refused) or HALF_OPEN (on trial). */
    public CircuitBreakerState state() {
        return state;
    }

    /** The service's name. */
    public String service() {
        return service;
    }

    private static <T> Object translated(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw RemoteCalls.translate(operation, e);
        }
    }

    /** What counts against the service: it failed or did not answer; refusals of the request do not. */
    private static boolean serviceFault(Throwable failure) {
        return failure instanceof NanoMeetUnavailableException || failure instanceof NanoMeetTimeoutException;
    }

    private boolean retryable(Throwable failure) {
        if (failure instanceof NanoMeetException e && e.retryAfter() != null
                && e.retryAfter().compareTo(policy.maxRetryAfter()) > 0) {
            return false;
        }
        if (failure instanceof NanoMeetBusyException busy) {
            return busy.status() == 429;
        }
        if (failure instanceof NanoMeetUnavailableException unavailable) {
            int status = unavailable.status();
            return status == 0 || status == 502 || status == 503 || status == 504;
        }
        return false;
    }

    private void waitRetryAfter(Throwable failure) {
        if (!(failure instanceof NanoMeetException e) || e.retryAfter() == null || e.retryAfter().isZero()) {
            return;
        }
        Duration wait = e.retryAfter();
        LOG.fine(() -> "The " + service + " asked to retry after " + wait);
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(CircuitBreakerState next) {
        CircuitBreakerState before = state;
        state = next;
        if (next == CircuitBreakerState.OPEN) {
            LOG.warning(() -> "Circuit of the " + service + " opened: calls are refused for " + policy.breakerDelay());
        } else {
            LOG.info(() -> "Circuit of the " + service + ": " + before + " -> " + next);
        }
    }

    /** A failed call that creates or starts something says whether it may have reached the service. */
    private static NanoMeetException maybeReached(String operation, NanoMeetException e) {
        if (e.status() > 0 || !(e instanceof NanoMeetUnavailableException || e instanceof NanoMeetTimeoutException)) {
            return e;
        }
        boolean notSent = RemoteCalls.causedBy(e, ConnectException.class::isInstance);
        String reach = notSent ? "the request did not reach the service" : "the request may have reached the "
                + "service: check before repeating it";
        NanoMeetException reported = e instanceof NanoMeetTimeoutException
                ? new NanoMeetTimeoutException(operation, 0, e.serviceMessage() + "; " + reach, e)
                : new NanoMeetUnavailableException(operation, 0, e.serviceMessage() + "; " + reach, e);
        return reported;
    }
}

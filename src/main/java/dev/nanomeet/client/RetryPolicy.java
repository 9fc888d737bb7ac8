package dev.nanomeet.client;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import dev.nanomeet.Iso8601;
import dev.nanomeet.NanoMeetInvalidInputException;

/**
 * The bounds of retries and circuit breakers around remote calls, from MicroProfile Config under
 * {@code nanomeet.retry.} and {@code nanomeet.circuit-breaker.}.
 *
 * @param maxRetries        {@code nanomeet.retry.max-retries}: retries after the first attempt
 * @param initialDelay      {@code nanomeet.retry.initial-delay}: the first backoff, doubled each retry
 * @param maxDelay          {@code nanomeet.retry.max-delay}: the longest backoff
 * @param jitter            {@code nanomeet.retry.jitter}: the random part added to or taken from each backoff
 * @param maxDuration       {@code nanomeet.retry.max-duration}: the most time all attempts of a call may take
 * @param maxRetryAfter     {@code nanomeet.retry.max-retry-after}: a longer {@code Retry-After} is not waited for
 * @param breakerVolume     {@code nanomeet.circuit-breaker.request-volume}: calls in the rolling window
 * @param breakerRatio      {@code nanomeet.circuit-breaker.failure-ratio}: failures in the window that open it
 * @param breakerDelay      {@code nanomeet.circuit-breaker.delay}: how long it stays open before a trial call
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration jitter,
        Duration maxDuration, Duration maxRetryAfter, int breakerVolume, double breakerRatio, Duration breakerDelay) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new NanoMeetInvalidInputException("nanomeet.retry.max-retries", "0 or more");
        }
        if (maxDelay.compareTo(initialDelay) <= 0) {
            throw new NanoMeetInvalidInputException("nanomeet.retry.max-delay", "longer than "
                    + "nanomeet.retry.initial-delay (" + initialDelay + ")");
        }
        if (breakerVolume < 1) {
            throw new NanoMeetInvalidInputException("nanomeet.circuit-breaker.request-volume", "1 or more");
        }
        if (!(breakerRatio > 0 && breakerRatio <= 1)) {
            throw new NanoMeetInvalidInputException("nanomeet.circuit-breaker.failure-ratio", "above 0 and at most 1");
        }
    }

    /** The defaults: 3 retries from 200 ms to 2 s, within 10 s; a breaker opening on half of 20 calls, for 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 20, 0.5, Duration.ofSeconds(5));
    }

    /** Reads the policy; a malformed value fails naming its key. */
    public static RetryPolicy from(Config config) {
        RetryPolicy d = defaults();
        return new RetryPolicy(
                config.getOptionalValue("nanomeet.retry.max-retries", Integer.class).orElse(d.maxRetries()),
                duration(config, "nanomeet.retry.initial-delay").orElse(d.initialDelay()),
                duration(config, "nanomeet.retry.max-delay").orElse(d.maxDelay()),
                duration(config, "nanomeet.retry.jitter").orElse(d.jitter()),
                duration(config, "nanomeet.retry.max-duration").orElse(d.maxDuration()),
                duration(config, "nanomeet.retry.max-retry-after").orElse(d.maxRetryAfter()),
                config.getOptionalValue("nanomeet.circuit-breaker.request-volume", Integer.class)
                        .orElse(d.breakerVolume()),
                config.getOptionalValue("nanomeet.circuit-breaker.failure-ratio", Double.class)
                        .orElse(d.breakerRatio()),
                duration(config, "nanomeet.circuit-breaker.delay").orElse(d.breakerDelay()));
    }

    private static Optional<Duration> duration(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(value -> Iso8601.duration(key, value));
    }
}

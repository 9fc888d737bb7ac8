package dev.nanomeet.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A fault injected into the calls of one endpoint: how long a faulted call waits, what it gets then ({@link Kind}),
 * and which calls are faulted: each with the probability {@code failureRate}, drawn from a generator seeded with
 * {@code seed}, and, when {@code failTimes} is given, only that many. A call not faulted is answered normally.
 * {@code status} is set for {@link Kind#STATUS} only, {@code retryAfter} may be set then; both are otherwise null.
 */
public record Fault(Duration latency, Kind kind, Integer status, Duration retryAfter, double failureRate, long seed,
        Integer failTimes) {

    /** The longest latency that can be injected. */
    public static final Duration MAX_LATENCY = Duration.ofMinutes(2);

    static final String LATENCY_MILLIS = "latencyMillis";
    static final String STATUS = "status";
    static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";
    static final String FAILURE_RATE = "failureRate";
    static final String SEED = "seed";
    static final String FAIL_TIMES = "failTimes";
    static final String CLOSE_CONNECTION = "closeConnection";
    static final String MALFORMED_JSON = "malformedJson";

    /** A token answer cut short: it starts as one and ends inside the token, so that it is not JSON. */
    static final String TRUNCATED_BODY = "{\"data\": \"eyJ";

    private static final Set<String> FIELDS = Set.of(LATENCY_MILLIS, STATUS, RETRY_AFTER_SECONDS, FAILURE_RATE, SEED,
            FAIL_TIMES, CLOSE_CONNECTION, MALFORMED_JSON);
    private static final int MIN_STATUS = 400;
    private static final int MAX_STATUS = 599;

    /** What a faulted call gets once its latency is over; its wire name is the call log's {@code fault}. */
    public enum Kind {
        /** Only the latency; then the normal answer. */
        LATENCY("latency"),
        /** The status with {@code {"message": "injected fault: HTTP <status>"}} instead of the normal answer. */
        STATUS(Fault.STATUS),
        /** The status line and headers of a 200 and the start of its body, then the end of the connection. */
        CLOSE_CONNECTION(Fault.CLOSE_CONNECTION),
        /** A 200 with Content-Type application/json and a body that is not JSON. */
        MALFORMED_JSON(Fault.MALFORMED_JSON);

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name the call log and the fault listing show. */
        public String wireName() {
            return wireName;
        }
    }

    /**
     * Reads a fault from an admin request, refusing with 400 a field of another name, a value out of range, more than
     * one of status, closeConnection and malformedJson, and a body that injects nothing. Without a seed it draws one,
     * which the listing shows, so that a run can be repeated.
     */
    public static Fault read(RequestBody body) {
        body.requireOnly(FIELDS);
        Duration latency = body.optionalInt(LATENCY_MILLIS, 0, (int) MAX_LATENCY.toMillis()).map(Duration::ofMillis)
                .orElse(Duration.ZERO);
        Optional<Integer> status = body.optionalInt(STATUS, MIN_STATUS, MAX_STATUS);
        Optional<Duration> retryAfter = body.optionalInt(RETRY_AFTER_SECONDS, 0).map(Duration::ofSeconds);
        Optional<Double> failureRate = body.optionalFraction(FAILURE_RATE);
        Optional<Long> seed = body.optionalLong(SEED);
        Optional<Integer> failTimes = body.optionalInt(FAIL_TIMES, 1);
        boolean closeConnection = body.optionalBool(CLOSE_CONNECTION).orElse(false);
        boolean malformedJson = body.optionalBool(MALFORMED_JSON).orElse(false);

        Kind kind = kind(status.isPresent(), closeConnection, malformedJson);
        if (kind == Kind.LATENCY && latency.isZero()) {
            throw EmulatorFault.badRequest("body must set " + LATENCY_MILLIS + " above 0, " + STATUS + ", "
                    + CLOSE_CONNECTION + " or " + MALFORMED_JSON + ", but sets none of them");
        }
        if (retryAfter.isPresent() && status.isEmpty()) {
            throw EmulatorFault.badRequest(RETRY_AFTER_SECONDS + " must be given only with " + STATUS
                    + ", but " + STATUS + " is missing");
        }
        if (seed.isPresent() && failureRate.isEmpty()) {
            throw EmulatorFault.badRequest(SEED + " must be given only with " + FAILURE_RATE + ", but "
                    + FAILURE_RATE + " is missing");
        }
        return new Fault(latency, kind, status.orElse(null), retryAfter.orElse(null), failureRate.orElse(1.0),
                seed.orElseGet(() -> ThreadLocalRandom.current().nextLong()), failTimes.orElse(null));
    }

    /**
     * The answer that replaces the normal one for {@link Kind#STATUS} and {@link Kind#MALFORMED_JSON}; the other kinds
     * have none of their own.
     */
    public Response answer() {
        return switch (kind) {
            case STATUS -> statusAnswer();
            case MALFORMED_JSON -> Response.ok(TRUNCATED_BODY, MediaType.APPLICATION_JSON_TYPE).build();
            case LATENCY, CLOSE_CONNECTION -> throw new IllegalStateException("A " + kind.wireName()
                    + " fault has no answer of its own");
        };
    }

    private Response statusAnswer() {
        Response.ResponseBuilder answer = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(EmulatorFault.body("injected fault: HTTP " + status));
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter.toSeconds());
        }
        return answer.build();
    }

    private static Kind kind(boolean status, boolean closeConnection, boolean malformedJson) {
        List<String> outcomes = new ArrayList<>();
        if (status) {
            outcomes.add(STATUS);
        }
        if (closeConnection) {
            outcomes.add(CLOSE_CONNECTION);
        }
        if (malformedJson) {
            outcomes.add(MALFORMED_JSON);
        }
        if (outcomes.size() > 1) {
            throw EmulatorFault.badRequest("body must set at most one of " + STATUS + ", " + CLOSE_CONNECTION + " and "
                    + MALFORMED_JSON + ", but sets " + String.join(", ", outcomes));
        }
        if (status) {
            return Kind.STATUS;
        }
        if (closeConnection) {
            return Kind.CLOSE_CONNECTION;
        }
        return malformedJson ? Kind.MALFORMED_JSON : Kind.LATENCY;
    }
}

package dev.nanomeet;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the instants and durations users write. An instant must carry an offset or {@code Z}: a local date-time is
 * refused rather than read in the server's zone.
 */
public final class Iso8601 {

    /** The latest instant accepted: the end of the year 9999. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** The longest duration accepted: ten years. */
    public static final Duration LONGEST = Duration.ofDays(3653);

    private Iso8601() {
    }

    /** Checks an instant lies no later than the year 9999, naming the field. */
    public static Instant bounded(String field, Instant instant) {
        if (instant != null && instant.isAfter(LATEST)) {
            throw new NanoMeetInvalidInputException(field, "no later than the year 9999");
        }
        return instant;
    }

    /** Checks a duration is positive and at most ten years, naming the field. */
    public static Duration bounded(String field, Duration duration) {
        if (duration == null) {
            return null;
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new NanoMeetInvalidInputException(field, "a positive duration");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new NanoMeetInvalidInputException(field, "at most ten years (P3653D)");
        }
        return duration;
    }

    /** Parses an instant such as {@code 2026-12-10T09:00:00Z} or {@code 2026-12-10T10:00:00+01:00}. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "an ISO-8601 instant, not empty");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new NanoMeetInvalidInputException(field,
                    "an ISO-8601 instant with an offset or Z, such as 2026-12-10T09:00:00Z");
        }
        return bounded(field, instant);
    }

    /** Parses a positive ISO-8601 duration such as {@code PT2H} or {@code P14D}. */
    public static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "an ISO-8601 duration, not empty");
        }
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (DateTimeException | ArithmeticException e) {
            throw new NanoMeetInvalidInputException(field, "an ISO-8601 duration such as PT2H or P14D");
        }
        return bounded(field, duration);
    }
}

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

    private Iso8601() {
    }

    /** Parses an instant such as {@code 2026-12-10T09:00:00Z} or {@code 2026-12-10T10:00:00+01:00}. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "an ISO-8601 instant, not empty");
        }
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new NanoMeetInvalidInputException(field,
                    "an ISO-8601 instant with an offset or Z, such as 2026-12-10T09:00:00Z");
        }
    }

    /** Parses a positive ISO-8601 duration such as {@code PT2H} or {@code P14D}. */
    public static Duration duration(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new NanoMeetInvalidInputException(field, "an ISO-8601 duration, not empty");
        }
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (DateTimeException e) {
            throw new NanoMeetInvalidInputException(field, "an ISO-8601 duration such as PT2H or P14D");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new NanoMeetInvalidInputException(field, "a positive duration");
        }
        return duration;
    }
}

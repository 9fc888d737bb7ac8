package dev.nanomeet;

import java.time.Duration;
import java.time.Instant;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class Iso8601Test {

    private static final String INSTANT_RULE = "an ISO-8601 instant with an offset or Z, such as 2026-12-10T09:00:00Z";

    @ParameterizedTest
    @CsvSource({
        "2026-12-10T09:00:00Z,         2026-12-10T09:00:00Z",
        "2026-12-10T10:00:00+01:00,    2026-12-10T09:00:00Z",
        "2026-12-10T04:00:00-05:00,    2026-12-10T09:00:00Z",
        "2026-12-10T09:00:00.250Z,     2026-12-10T09:00:00.250Z",
        "2026-12-10T14:30:00+05:30,    2026-12-10T09:00:00Z"
    })
    void instantAcceptsZAndOffsets(String text, String expected) {
        assertThat(Iso8601.instant("notBefore", text)).as("instant read from %s", text)
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void instantIgnoresSurroundingWhitespace() {
        assertThat(Iso8601.instant("expires", "  2026-12-10T09:00:00Z\n")).as("instant with whitespace around it")
                .isEqualTo(Instant.parse("2026-12-10T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-10T09:00:00", "2026-12-10T09:00", "2026-12-10"})
    void instantRefusesALocalDateTimeWithoutOffset(String text) {
        assertRefused(() -> Iso8601.instant("notBefore", text), "notBefore", "notBefore must be " + INSTANT_RULE);
    }

    @Test
    void instantRefusesEpochMillis() {
        assertRefused(() -> Iso8601.instant("expires", "1796312719000"), "expires", "expires must be " + INSTANT_RULE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void instantRefusesNothing(String text) {
        assertRefused(() -> Iso8601.instant("exp", text), "exp", "exp must be an ISO-8601 instant, not empty");
    }

    @ParameterizedTest
    @CsvSource({"PT2H, PT2H", "P14D, PT336H", "PT90M, PT1H30M", "' PT30S ', PT30S"})
    void durationAcceptsPositiveIsoDurations(String text, String expected) {
        assertThat(Iso8601.duration("validFor", text)).as("duration read from %s", text)
                .isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT1H", "PT0S", "P0D", "PT-5M"})
    void durationRefusesNegativeAndZero(String text) {
        assertRefused(() -> Iso8601.duration("validFor", text), "validFor", "validFor must be a positive duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2 hours", "7200", "P1M", "PT2X"})
    void durationRefusesGarbage(String text) {
        assertRefused(() -> Iso8601.duration("validFor", text), "validFor",
                "validFor must be an ISO-8601 duration such as PT2H or P14D");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void durationRefusesNothing(String text) {
        assertRefused(() -> Iso8601.duration("validFor", text), "validFor",
                "validFor must be an ISO-8601 duration, not empty");
    }

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).as("refusal of bad input").isExactlyInstanceOf(NanoMeetInvalidInputException.class);
        assertThat(((NanoMeetInvalidInputException) thrown).field()).as("field named").isEqualTo(field);
        assertThat(thrown.getMessage()).as("message").isEqualTo(message);
    }
}

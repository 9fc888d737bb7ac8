package dev.nanomeet.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.nanomeet.NanoMeetException;

import static org.assertj.core.api.Assertions.assertThat;

class NanoMeetResponseExceptionMapperTest {

    @ParameterizedTest
    @CsvSource({
        "400, dev.nanomeet.NanoMeetBadRequestException",
        "401, dev.nanomeet.NanoMeetUnauthorizedException",
        "403, dev.nanomeet.NanoMeetForbiddenException",
        "404, dev.nanomeet.NanoMeetBadRequestException",
        "412, dev.nanomeet.NanoMeetBusyException",
        "429, dev.nanomeet.NanoMeetBusyException",
        "500, dev.nanomeet.NanoMeetUnavailableException",
        "503, dev.nanomeet.NanoMeetUnavailableException",
        "504, dev.nanomeet.NanoMeetTimeoutException",
        "418, dev.nanomeet.NanoMeetException"
    })
    void forStatusMapsToTheTypeACallerHandlesKeepingStatusAndMessage(int status, Class<?> type) {
        NanoMeetException failure = NanoMeetResponseExceptionMapper.forStatus(status, "quota exceeded");

        assertThat(failure).as("exception for HTTP %d", status).isExactlyInstanceOf(type);
        assertThat(failure.status()).as("status").isEqualTo(status);
        assertThat(failure.serviceMessage()).as("service message").isEqualTo("quota exceeded");
        assertThat(failure.operation()).as("operation, filled in later").isNull();
        assertThat(failure.getMessage()).as("message")
                .isEqualTo("Could not call the nanoMeet service: quota exceeded (HTTP " + status + ")");
    }

    @Test
    void handlesEveryErrorStatusAndNothingElse() {
        NanoMeetResponseExceptionMapper mapper = new NanoMeetResponseExceptionMapper();

        assertThat(mapper.handles(399, null)).as("handles 399").isFalse();
        assertThat(mapper.handles(400, null)).as("handles 400").isTrue();
        assertThat(mapper.handles(599, null)).as("handles 599").isTrue();
    }

    @Test
    void messageOfReadsTheMessageOfAJsonBody() {
        assertThat(NanoMeetResponseExceptionMapper.messageOf("{\"message\": \"room taken\", \"code\": 17}"))
                .as("message of a JSON error").isEqualTo("room taken");
    }

    @Test
    void messageOfFallsBackToTheBodyWhenThereIsNoJsonMessage() {
        assertThat(NanoMeetResponseExceptionMapper.messageOf("<html><body>Bad Gateway</body></html>"))
                .as("message of an HTML body").isEqualTo("<html><body>Bad Gateway</body></html>");
        assertThat(NanoMeetResponseExceptionMapper.messageOf("  Service Unavailable "))
                .as("message of a text body").isEqualTo("Service Unavailable");
        assertThat(NanoMeetResponseExceptionMapper.messageOf("{\"error\": \"x\"}"))
                .as("message of JSON without message").isEqualTo("{\"error\": \"x\"}");
        assertThat(NanoMeetResponseExceptionMapper.messageOf("{\"message\": 5}"))
                .as("message of JSON with a numeric message").isEqualTo("{\"message\": 5}");
    }

    @Test
    void messageOfFlattensLineBreaksAndTabs() {
        assertThat(NanoMeetResponseExceptionMapper.messageOf("first line\r\nsecond\tline\n"))
                .as("message of a multi-line body").isEqualTo("first line second line");
        assertThat(NanoMeetResponseExceptionMapper.messageOf("{\"message\": \"a\\r\\nb\"}"))
                .as("message of JSON with a line break").isEqualTo("a b");
    }

    @Test
    void messageOfCapsLengthAt500Characters() {
        assertThat(NanoMeetResponseExceptionMapper.messageOf("x".repeat(600))).as("message of a long body")
                .isEqualTo("x".repeat(500) + "…");
        assertThat(NanoMeetResponseExceptionMapper.messageOf("y".repeat(500))).as("message of exactly 500")
                .isEqualTo("y".repeat(500));
    }
}

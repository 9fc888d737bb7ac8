package dev.nanomeet.meetings;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.nanomeet.NanoMeetForbiddenException;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.NanoMeetUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

class MeetingFailuresTest {

    @Test
    void reasonOfInvalidInputNamesFieldAndRule() {
        NanoMeetInvalidInputException failure = new NanoMeetInvalidInputException("participants[1].role",
                "\"moderator\" or \"participant\"");

        assertThat(lines("team.json", failure)).as("reason of invalid input").containsExactly(
                "Meeting request team.json failed: participants[1].role must be \"moderator\" or \"participant\"",
                "field: participants[1].role",
                "rule: \"moderator\" or \"participant\"");
    }

    @Test
    void reasonOfARefusedCallNamesCallStatusAndServiceMessage() {
        NanoMeetForbiddenException failure = new NanoMeetForbiddenException("create invite token", 403,
                "token is not a moderator's", null);

        assertThat(lines("team.json", failure)).as("reason of a forbidden call").containsExactly(
                "Meeting request team.json failed: Could not create invite token: token is not a moderator's "
                        + "(HTTP 403)",
                "call: create invite token",
                "status: 403",
                "service message: token is not a moderator's",
                "error: NanoMeetForbiddenException");
    }

    @Test
    void reasonFindsTheNanoMeetFailureInsideAWrapperAndLeavesOutWhatIsUnknown() {
        RuntimeException failure = new RuntimeException("route failed",
                new NanoMeetUnavailableException("create stream", 0, null, null));

        assertThat(lines("a.json", failure)).as("reason of a wrapped failure without status").containsExactly(
                "Meeting request a.json failed: Could not create stream: no reason given",
                "call: create stream",
                "error: NanoMeetUnavailableException");
    }

    @Test
    void reasonOfAnyOtherFailureNamesItsClass() {
        assertThat(lines("a.json", new IllegalStateException("disk full"))).as("reason of a foreign failure")
                .containsExactly("Meeting request a.json failed: disk full", "error: java.lang.IllegalStateException");
        assertThat(lines("a.json", null)).as("reason without failure")
                .containsExactly("Meeting request a.json failed: unknown failure");
    }

    /** The reason's lines before the closing "at:" line, which must hold an instant. */
    private static List<String> lines(String name, Throwable failure) {
        String reason = MeetingFailures.reason(name, failure);
        List<String> lines = Arrays.asList(reason.split("\n"));

        assertThat(reason).as("reason ends with a newline").endsWith("\n");
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("last line").startsWith("at: ");
        assertThat(Instant.parse(last.substring(4))).as("time of the failure").isBeforeOrEqualTo(Instant.now());
        return lines.subList(0, lines.size() - 1);
    }
}

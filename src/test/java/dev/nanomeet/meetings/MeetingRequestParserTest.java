package dev.nanomeet.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.meetings.MeetingRequest.Person;

import static dev.nanomeet.meetings.MeetingRequest.Role.moderator;
import static dev.nanomeet.meetings.MeetingRequest.Role.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class MeetingRequestParserTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final String HOST = "\"host\": {\"name\": \"Ada\"}";

    private final MeetingRequestParser parser = new MeetingRequestParser("nanomeet-eu.nanocosmos.de",
            Duration.ofDays(14));

    @Test
    void parsesAFullRequestExactly() {
        String json = """
                {"room": "town_hall", "server": "meet.example.com:8443",
                 "notBefore": "2026-06-02T09:00:00+02:00", "expires": "2026-06-02T09:00:00Z",
                 "host": {"name": "Ada Lovelace"},
                 "participants": [{"name": "Bob", "role": "participant"}, {"name": "Cy", "role": "moderator"},
                                  {"name": "Dee"}]}
                """;

        assertThat(parser.parse(json, NOW)).as("parsed request").isEqualTo(new MeetingRequest("town_hall",
                "meet.example.com:8443", Instant.parse("2026-06-02T07:00:00Z"), Instant.parse("2026-06-02T09:00:00Z"),
                new Person("Ada Lovelace", moderator),
                List.of(new Person("Bob", participant), new Person("Cy", moderator), new Person("Dee", participant)), null));
    }

    @Test
    void appliesTheDefaultServerNowAndTheDefaultValidity() {
        assertThat(parser.parse("{\"room\": \"r1\", " + HOST + "}", NOW)).as("request with defaults")
                .isEqualTo(new MeetingRequest("r1", "nanomeet-eu.nanocosmos.de", NOW,
                        Instant.parse("2026-06-15T10:00:00Z"), new Person("Ada", moderator), List.of(), null));
    }

    @Test
    void expiresValidForAfterNotBefore() {
        MeetingRequest fromNow = parser.parse("{\"room\": \"r1\", \"validFor\": \"PT2H\", " + HOST + "}", NOW);
        MeetingRequest fromStart = parser.parse("{\"room\": \"r1\", \"notBefore\": \"2026-06-03T08:00:00Z\", "
                + "\"validFor\": \"P1D\", " + HOST + "}", NOW);

        assertThat(fromNow.expires()).as("expires without notBefore").isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(fromStart.expires()).as("expires after notBefore").isEqualTo(Instant.parse("2026-06-04T08:00:00Z"));
    }

    @Test
    void parsesTheShippedSampleRequest() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/nanomeet/sample-meeting-request.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(parser.parse(json, NOW)).as("sample request").isEqualTo(new MeetingRequest("town_hall",
                "nanomeet-eu.nanocosmos.de", NOW, Instant.parse("2026-06-01T12:00:00Z"), new Person("Ada", moderator),
                List.of(new Person("Bob", participant), new Person("Cy", moderator)),
                new MeetingRequest.BroadcastPlan(true, NOW.plusSeconds(5), NOW.plusSeconds(25))));
    }

    @Test
    void readsBroadcastsAbsoluteAndRelative() {
        MeetingRequest absolute = parser.parse("{\"room\": \"r1\", \"validFor\": \"PT2H\", " + HOST
                + ", \"broadcast\": {\"vod\": true, \"start\": \"2026-06-01T10:30:00Z\", "
                + "\"stop\": \"2026-06-01T11:00:00+00:00\"}}", NOW);
        MeetingRequest relative = parser.parse("{\"room\": \"r1\", \"validFor\": \"PT2H\", " + HOST
                + ", \"broadcast\": {\"startAfter\": \"PT10S\", \"duration\": \"PT30S\"}}", NOW);

        assertThat(absolute.broadcast()).isEqualTo(new MeetingRequest.BroadcastPlan(true,
                Instant.parse("2026-06-01T10:30:00Z"), Instant.parse("2026-06-01T11:00:00Z")));
        assertThat(relative.broadcast()).as("relative to now, not recorded by default")
                .isEqualTo(new MeetingRequest.BroadcastPlan(false, NOW.plusSeconds(10), NOW.plusSeconds(40)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"duration\": \"PT1M\", \"stop\": \"2026-06-01T10:30:00Z\"}|broadcast.duration",
            "{\"startAfter\": \"PT1M\"}|broadcast.stop",
            "{\"start\": \"2026-06-01T10:30:00\", \"duration\": \"PT1M\"}|broadcast.start",
            "{\"startAfter\": \"PT1M\", \"duration\": \"PT3H\"}|broadcast.stop",
            "{\"start\": \"2026-06-01T10:30:00Z\", \"stop\": \"2026-06-01T10:20:00Z\"}|broadcast.stop",
            "{\"vod\": \"yes\", \"duration\": \"PT1M\"}|broadcast.vod",
            "{\"duration\": \"PT1M\", \"colour\": 1}|broadcast.colour"})
    void refusesBadBroadcastsNamingTheField(String broadcast, String field) {
        NanoMeetInvalidInputException refusal = refusal("{\"room\": \"r1\", \"validFor\": \"PT2H\", " + HOST
                + ", \"broadcast\": " + broadcast + "}");

        assertThat(refusal.field()).as("refused field of " + broadcast).isEqualTo(field);
    }

    @Test
    void refusesTextThatIsNotJson() {
        NanoMeetInvalidInputException refusal = refusal("{\"room\": ");

        assertThat(refusal.field()).as("field").isEqualTo("request");
        assertThat(refusal.getMessage()).as("message").startsWith("request must be valid JSON (");
    }

    @Test
    void refusesARequestOverTwoMillionCharacters() {
        String padding = " ".repeat(JsonFields.MAX_REQUEST_CHARS);

        assertRefused("{\"room\": \"r1\", " + HOST + "}" + padding, "request",
                "request must be at most 2000000 characters long (was 2000039)");
    }

    @Test
    void refusesAKeyGivenTwice() {
        NanoMeetInvalidInputException refusal = refusal("{\"room\": \"bad name!\", \"room\": \"good_name\", "
                + HOST + "}");

        assertThat(refusal.field()).as("field").isEqualTo("request");
        assertThat(refusal.getMessage()).as("message").startsWith("request must be valid JSON (").contains("room");
    }

    @Test
    void refusesAnArrayOrNothingInsteadOfAnObject() {
        assertRefused("[{\"room\": \"r1\"}]", "request", "request must be a JSON object (was an array)");
        assertRefused(" ", "request", "request must be a JSON object, not empty");
    }

    @Test
    void refusesUnknownFields() {
        assertRefused("{\"room\": \"r1\", \"colour\": \"red\", " + HOST + "}", "colour",
                "colour must be absent: the known fields are [broadcast, expires, host, notBefore, participants, room, "
                        + "server, validFor]");
    }

    @Test
    void refusesAMissingRoomOrARoomOfTheWrongType() {
        assertRefused("{" + HOST + "}", "room", "room must be given");
        assertRefused("{\"room\": null, " + HOST + "}", "room", "room must be given");
        assertRefused("{\"room\": 42, " + HOST + "}", "room", "room must be a JSON string (was a number)");
        assertRefused("{\"room\": \"town hall\", " + HOST + "}", "room",
                "room must be made of a-z, A-Z, 0-9 and _ only");
    }

    @Test
    void refusesAMissingHostAndBadHostNames() {
        String rule = "1 to 200 characters without control characters";

        assertRefused("{\"room\": \"r1\"}", "host", "host must be given");
        assertRefused("{\"room\": \"r1\", \"host\": \"Ada\"}", "host", "host must be a JSON object (was a string)");
        assertRefused("{\"room\": \"r1\", \"host\": {\"name\": \"  \"}}", "host.name", "host.name must be " + rule);
        assertRefused("{\"room\": \"r1\", \"host\": {\"name\": \"Ada\\nLovelace\"}}", "host.name",
                "host.name must be " + rule);
        assertRefused("{\"room\": \"r1\", \"host\": {\"name\": \"Ada\\u0007\"}}", "host.name",
                "host.name must be " + rule);
    }

    @Test
    void refusesParticipantsThatAreNotAnArrayOfObjectsWithAKnownRole() {
        assertRefused("{\"room\": \"r1\", " + HOST + ", \"participants\": {\"name\": \"Bob\"}}", "participants",
                "participants must be a JSON array (was an object)");
        assertRefused("{\"room\": \"r1\", " + HOST + ", \"participants\": [\"Bob\"]}", "participants[0]",
                "participants[0] must be an object with name and role (was a string)");
        assertRefused("{\"room\": \"r1\", " + HOST + ", \"participants\": [{\"name\": \"Bob\"}, "
                + "{\"name\": \"Cy\", \"role\": \"guest\"}]}", "participants[1].role",
                "participants[1].role must be \"moderator\" or \"participant\"");
    }

    @Test
    void refusesExpiresTogetherWithValidFor() {
        assertRefused("{\"room\": \"r1\", \"expires\": \"2026-06-02T09:00:00Z\", \"validFor\": \"PT2H\", " + HOST
                + "}", "validFor", "validFor must be absent when expires is given");
    }

    @Test
    void refusesNotBeforeWithoutOffset() {
        assertRefused("{\"room\": \"r1\", \"notBefore\": \"2026-06-02T09:00:00\", " + HOST + "}", "notBefore",
                "notBefore must be an ISO-8601 instant with an offset or Z, such as 2026-12-10T09:00:00Z");
    }

    @Test
    void refusesExpiresBeforeNotBefore() {
        assertRefused("{\"room\": \"r1\", \"notBefore\": \"2026-06-02T09:00:00Z\", "
                + "\"expires\": \"2026-06-02T08:00:00Z\", " + HOST + "}", "expires",
                "expires must be after notBefore (2026-06-02T09:00:00Z)");
    }

    private void assertRefused(String json, String field, String message) {
        NanoMeetInvalidInputException refusal = refusal(json);

        assertThat(refusal.field()).as("field named for %s", json).isEqualTo(field);
        assertThat(refusal.getMessage()).as("message for %s", json).isEqualTo(message);
    }

    private NanoMeetInvalidInputException refusal(String json) {
        Throwable thrown = catchThrowable(() -> parser.parse(json, NOW));

        assertThat(thrown).as("refusal of %s", json).isExactlyInstanceOf(NanoMeetInvalidInputException.class);
        return (NanoMeetInvalidInputException) thrown;
    }
}

package dev.nanomeet;

import java.time.Instant;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class NanoMeetRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final String SERVER_RULE = "a host name such as nanomeet-eu.nanocosmos.de, without scheme or path";

    @ParameterizedTest
    @ValueSource(strings = {"town_hall", "Room42", "_", "Z"})
    void roomAcceptsLettersDigitsAndUnderscoreUpTo64Characters(String room) {
        assertThat(NanoMeetRules.room("room", room)).as("accepted room name").isEqualTo(room);
        assertThat(NanoMeetRules.room("room", room.repeat(64).substring(0, 64))).as("64 characters accepted")
                .hasSize(64);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void roomRefusesNullAndEmpty(String room) {
        assertRefused(() -> NanoMeetRules.room("room", room), "room", "room must be given: a room name is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"town-hall", "town hall", "räume", "room/1"})
    void roomRefusesCharactersOutsideTheCharset(String room) {
        assertRefused(() -> NanoMeetRules.room("room", room), "room", "room must be made of a-z, A-Z, 0-9 and _ only");
    }

    @Test
    void roomRefusesMoreThan64CharactersNamingTheCallersField() {
        assertRefused(() -> NanoMeetRules.room("setup.room", "a".repeat(65)), "setup.room",
                "setup.room must be at most 64 characters long (was 65)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nanomeet-eu.nanocosmos.de", "localhost", "localhost:9080", "10.0.0.1", "a.b-c.de:443"})
    void serverAcceptsHostNamesWithOptionalPort(String server) {
        assertThat(NanoMeetRules.server("server", server)).as("accepted server").isEqualTo(server);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://nanomeet-eu.nanocosmos.de", "http://localhost:9080", "//localhost"})
    void serverRefusesAScheme(String server) {
        assertRefused(() -> NanoMeetRules.server("server", server), "server", "server must be " + SERVER_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nanomeet-eu.nanocosmos.de/acme", "localhost:9080/", "nanomeet-eu.nanocosmos.de?x=1"})
    void serverRefusesAPath(String server) {
        assertRefused(() -> NanoMeetRules.server("server", server), "server", "server must be " + SERVER_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nanomeet eu.nanocosmos.de", " nanomeet-eu.nanocosmos.de", "nanomeet-eu.nanocosmos.de "})
    void serverRefusesSpaces(String server) {
        assertRefused(() -> NanoMeetRules.server("server", server), "server", "server must be " + SERVER_RULE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void serverRefusesNullAndEmpty(String server) {
        assertRefused(() -> NanoMeetRules.server("server", server), "server",
                "server must be given: a server host is required");
    }

    @Test
    void streamnameAcceptsLettersDigitsUnderscoreDotAndDashUpTo128Characters() {
        assertThat(NanoMeetRules.streamname("streamname", "Abc_1.live-2")).as("accepted streamname")
                .isEqualTo("Abc_1.live-2");
        assertThat(NanoMeetRules.streamname("streamname", "s".repeat(128))).as("128 characters accepted")
                .hasSize(128);
    }

    @Test
    void streamnameRefusesOtherCharactersAndMoreThan128Characters() {
        String rule = "streamname must be made of a-z, A-Z, 0-9, _, . and - only, at most 128 characters";

        assertRefused(() -> NanoMeetRules.streamname("streamname", "a/b"), "streamname", rule);
        assertRefused(() -> NanoMeetRules.streamname("streamname", "s".repeat(129)), "streamname", rule);
        assertRefused(() -> NanoMeetRules.streamname("streamname", ""), "streamname",
                "streamname must be given: a stream name is required");
    }

    @Test
    void windowRefusesExpiresNotAfterNotBefore() {
        Instant notBefore = NOW.plusSeconds(3600);

        assertRefused(() -> NanoMeetRules.window("nbf", "exp", notBefore, NOW, NOW), "exp",
                "exp must be after nbf (2026-06-01T11:00:00Z)");
        assertRefused(() -> NanoMeetRules.window("nbf", "exp", notBefore, notBefore, NOW), "exp",
                "exp must be after nbf (2026-06-01T11:00:00Z)");
    }

    @Test
    void windowRefusesExpiresInThePast() {
        assertRefused(() -> NanoMeetRules.window("nbf", "exp", NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW),
                "exp", "exp must be in the future (was 2026-06-01T09:00:00Z)");
    }

    @Test
    void windowRefusesMoreThanOneYear() {
        Instant expires = Instant.parse("2027-06-01T10:00:01Z");

        assertRefused(() -> NanoMeetRules.window("notBefore", "expires", NOW, expires, NOW), "expires",
                "expires must be at most one year after notBefore (at most 2027-06-01T10:00:00Z)");
    }

    @Test
    void windowAcceptsExactlyOneYear() {
        assertThatCode(() -> NanoMeetRules.window("nbf", "exp", NOW, Instant.parse("2027-06-01T10:00:00Z"), NOW))
                .as("a window of exactly one year").doesNotThrowAnyException();
    }

    @Test
    void withinRefusesAnInviteStartingBeforeItsParent() {
        TokenClaims parent = parent(NOW, NOW.plusSeconds(86_400));

        assertRefused(() -> NanoMeetRules.within("nbf", "exp", NOW.minusSeconds(1), NOW.plusSeconds(60), parent),
                "nbf", "nbf must be no earlier than the moderator token's nbf (2026-06-01T10:00:00Z)");
    }

    @Test
    void withinRefusesAnInviteEndingAfterItsParent() {
        TokenClaims parent = parent(NOW, NOW.plusSeconds(86_400));

        assertRefused(() -> NanoMeetRules.within("nbf", "exp", NOW, NOW.plusSeconds(86_401), parent),
                "exp", "exp must be no later than the moderator token's exp (2026-06-02T10:00:00Z)");
    }

    @Test
    void withinAcceptsTheParentsOwnWindowAndAnyWindowWhenTheParentHasNone() {
        assertThatCode(() -> NanoMeetRules.within("nbf", "exp", NOW, NOW.plusSeconds(86_400),
                parent(NOW, NOW.plusSeconds(86_400)))).as("the parent's exact window").doesNotThrowAnyException();
        assertThatCode(() -> NanoMeetRules.within("nbf", "exp", NOW.minusSeconds(1), NOW.plusSeconds(1_000_000),
                parent(null, null))).as("a parent without nbf and exp").doesNotThrowAnyException();
    }

    private static TokenClaims parent(Instant notBefore, Instant expires) {
        return new TokenClaims("town_hall", "stream-1", "nanomeet-eu.nanocosmos.de", "acme", true, notBefore, expires,
                null, null, List.of());
    }

    private static void assertRefused(ThrowingCallable call, String field, String message) {
        Throwable thrown = catchThrowable(call);

        assertThat(thrown).as("refusal of bad input").isExactlyInstanceOf(NanoMeetInvalidInputException.class);
        assertThat(((NanoMeetInvalidInputException) thrown).field()).as("field named").isEqualTo(field);
        assertThat(thrown.getMessage()).as("message").isEqualTo(message);
    }
}

package dev.nanomeet;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.nanomeet.client.BintuClient;
import dev.nanomeet.client.JibriClient;
import dev.nanomeet.client.RetryPolicy;
import dev.nanomeet.client.TokenServiceClient;
import dev.nanomeet.meetings.MeetingRequestParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A corpus of bad input. Every case is refused with {@link NanoMeetInvalidInputException} naming its field, before
 * any remote call (the clients here record and fail every call), and without repeating a secret of the input.
 */
class BadInputCorpusTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant PARENT_NBF = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant PARENT_EXP = Instant.parse("2026-06-02T10:00:00Z");
    private static final String SERVER = "nanomeet-eu.nanocosmos.de";
    private static final String API_KEY = "corpus-api-key-7f3a9c51e2";
    private static final String RECORDER_PASSWORD = "corpus-recorder-password-4b8d";
    private static final URI RECORDER = URI.create("http://recorder-1.test:2222");

    private static final RSAKey KEY = rsaKey();
    private static final RSAKey OTHER_KEY = rsaKey();

    /** Control characters, each put inside an otherwise good value of every text field. */
    private static final List<Text> CONTROLS = List.of(text("NUL", "\u0000"), text("TAB", "\t"), text("LF", "\n"),
            text("CR", "\r"), text("CR LF", "\r\n"), text("BEL", "\u0007"), text("ESC", "\u001b"),
            text("DEL", "\u007f"), text("NEL (C1)", "\u0085"));

    private static final List<Text> BAD_ROOMS = List.of(text("null", null), text("empty", ""),
            text("blank", "   "), text("a space", "town hall"), text("a dash", "town-hall"),
            text("a dot", "town.hall"), text("unicode letters", "Zürich_Rathaus"), text("CJK letters", "会议室"),
            text("an emoji", "town_hall_\uD83C\uDF89"), text("a slash", "town/hall"),
            text("a backslash", "town\\hall"), text("a single quote", "town'hall"),
            text("double quotes", "\"town_hall\""), text("SQL", "a';DROP TABLE rooms;--"),
            text("a script tag", "<script>alert(1)</script>"), text("65 characters", "r".repeat(65)),
            text("a megabyte", "r".repeat(1 << 20)), text("a trailing LF", "town_hall\n"),
            text("a leading space", " town_hall"), text("percent-encoding", "town%20hall"),
            text("fullwidth digits", "room_\uFF11\uFF12"), text("a zero-width space", "town\u200Bhall"),
            text("a no-break space", "town\u00A0hall"));

    private static final List<Text> BAD_SERVERS = List.of(text("empty", ""), text("blank", "  "),
            text("a scheme", "https://" + SERVER), text("a path", SERVER + "/acme"),
            text("a query", SERVER + "?x=1"), text("user info", "ada@" + SERVER),
            text("a space", "nanomeet eu.nanocosmos.de"), text("a leading dash", "-nanomeet.nanocosmos.de"),
            text("a label ending in a dash", "nanomeet-.nanocosmos.de"), text("an empty label", "nanomeet..de"),
            text("a leading dot", ".nanocosmos.de"), text("a trailing dot", SERVER + "."),
            text("port 0", SERVER + ":0"), text("port 65536", SERVER + ":65536"),
            text("a six-digit port", SERVER + ":123456"), text("an empty port", SERVER + ":"),
            text("only a port", ":443"), text("an IPv6 literal", "[::1]:8443"),
            text("unicode letters", "nanömeet.nanocosmos.de"), text("a label of 64", "a".repeat(64) + ".de"),
            text("254 characters", String.join(".", Collections.nCopies(4, "a".repeat(62))) + ".abc"),
            text("a trailing LF", SERVER + "\n"), text("SQL", "x';DROP TABLE servers;--"));

    private static final List<Text> BAD_STREAMNAMES = List.of(text("empty", ""), text("blank", " "),
            text("a slash", "live/stream-1"), text("a space", "stream 1"), text("a backslash", "stream\\1"),
            text("a colon", "stream:1"), text("a query", "stream-1?key=secret"), text("unicode letters", "strömung"),
            text("an emoji", "stream_\uD83C\uDFA5"), text("129 characters", "s".repeat(129)));

    private static final List<Text> BAD_INSTANTS = List.of(text("empty", ""), text("blank", "   "),
            text("no offset", "2026-06-02T09:00:00"), text("only a date", "2026-06-02"),
            text("epoch milliseconds", "1796312719000"), text("epoch seconds", "1796312719"),
            text("garbage", "tomorrow at nine"), text("month 13", "2026-13-01T09:00:00Z"),
            text("February 30", "2026-02-30T09:00:00Z"), text("hour 24", "2026-06-02T24:00:00Z"),
            text("a leap second", "2026-06-30T23:59:60Z"), text("a space for T", "2026-06-02 09:00:00Z"),
            text("a German date", "02.06.2026 09:00"), text("offset +25:00", "2026-06-02T09:00:00+25:00"),
            text("a zone name", "2026-06-02T09:00:00 CET"),
            text("a zone id only", "2026-06-02T09:00:00[Europe/Berlin]"),
            text("the basic format", "20260602T090000Z"));

    private static final List<Text> BAD_DURATIONS = List.of(text("empty", ""), text("blank", " "),
            text("hours in words", "2 hours"), text("a unit suffix", "2h"), text("a bare number", "7200"),
            text("a number without unit", "PT2H30"), text("weeks", "P1W"), text("months", "P1M"),
            text("years", "P1Y"), text("zero", "PT0S"), text("zero days", "P0D"), text("negative", "-PT1H"),
            text("negative minutes", "PT-5M"), text("too many hours", "PT99999999999999999999H"));

    private static final List<TokenUse> TOKEN_USES = List.of(
            new TokenUse("claims", token -> call(s -> s.nanoMeet().claims(token))),
            new TokenUse("createInvite", token -> syncAndAsync(
                    s -> s.nanoMeet().createInvite(token, InviteSetup.forParticipant()),
                    s -> s.nanoMeet().createInviteAsync(token, InviteSetup.forParticipant()))),
            new TokenUse("startBroadcast", token -> syncAndAsync(
                    s -> s.nanoMeet().startBroadcast(token, BroadcastSetup.live()),
                    s -> s.nanoMeet().startBroadcastAsync(token, BroadcastSetup.live()))),
            new TokenUse("stopBroadcast", token -> syncAndAsync(
                    s -> s.nanoMeet().stopBroadcast(token),
                    s -> s.nanoMeet().stopBroadcastAsync(token))));

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void badInputIsRefusedNamingItsFieldBeforeAnyCall(BadInput input) {
        Subjects subjects = new Subjects();

        Throwable thrown = input.attempt().refusal(subjects);

        assertThat(subjects.calls).as("remote calls made for refused input").isEmpty();
        assertThat(thrown).as("refusal of bad input").isExactlyInstanceOf(NanoMeetInvalidInputException.class);
        NanoMeetInvalidInputException refusal = (NanoMeetInvalidInputException) thrown;
        assertThat(refusal.field()).as("field named").isEqualTo(input.field());
        assertThat(refusal.getMessage()).as("message").startsWith(input.field() + " must be ");
        for (String secret : secretParts(input.secrets())) {
            assertThat(refusal.getMessage()).as("message repeating a secret of the input").doesNotContain(secret);
        }
    }

    static Stream<Arguments> corpus() {
        return Stream.of(roomSetups(), roomWindows(), roomInstantTexts(), settings(), invites(), badTokens(),
                notAModeratorsTokens(), broadcasts(), meetingRequestTexts(), meetingRequestTypes(),
                meetingRequestPeople(), meetingRequestWindows(), meetingRequestBroadcasts(), rules(), iso8601(),
                foundByThisCorpus())
                .flatMap(Function.identity());
    }

    /** Cases this corpus found wrong once: overflows, lenient token decoding, trailing JSON, unchecked claims. */
    static Stream<Arguments> foundByThisCorpus() {
        String good = token(claims -> claims);
        int signature = good.lastIndexOf('.') + 10;
        // Was: nimbus's Base64URL decoding skips every character outside the alphabet, so Tokens.claims reads a
        // token in quotes (or with any junk inside its parts): claims() answers claims for a string that is no
        // compact JWS, createInvite sends the quoted value as the X-BINTU-TOKEN header, and startBroadcast asks
        // the recorders.
        Stream<Arguments> quoted = badToken("in quotes", "\"" + good + "\"");
        return Stream.concat(quoted, Stream.of(
                // Was: NanoMeet.planRoom adds the validity with Instant.plus outside any check: the
                // ArithmeticException ("long overflow") escapes instead of a NanoMeetInvalidInputException.
                room("a validity of Long.MAX_VALUE seconds", "validity",
                        room -> room.validity(Duration.ofSeconds(Long.MAX_VALUE))),
                // Was: notBefore = Instant.MAX: planRoom's notBefore.plus(default validity) throws DateTimeException
                // ("Instant exceeds minimum or maximum instant"), which escapes unchecked.
                room("nbf at Instant.MAX", "nbf", room -> room.notBefore(Instant.MAX)),
                // Was: NanoMeetRules.window computes nbf + 1 year with OffsetDateTime.plusYears, which throws
                // DateTimeException ("Invalid value for Year") for nbf in the year 999999999.
                room("nbf in the year 999999999", "nbf",
                        room -> room.notBefore(Instant.parse("+999999999-06-01T00:00:00Z"))),
                // Was: planInvite adds InviteSetup.validity with Instant.plus unchecked: ArithmeticException escapes.
                invite("a validity of Long.MAX_VALUE seconds", "validity",
                        new InviteSetup(false, null, null, Duration.ofSeconds(Long.MAX_VALUE))),
                // Was: planInvite never checks that InviteSetup.validity is positive (planRoom does, naming
                // "validity"); a zero validity is refused as "exp must be after nbf", naming a field not set.
                invite("a zero validity", "validity", new InviteSetup(false, null, null, Duration.ZERO)),
                // Was: same as above for a negative validity ("exp must be after nbf").
                invite("a negative validity", "validity", new InviteSetup(false, null, null, Duration.ofHours(-1))),
                // Was: MeetingRequestParser.parse adds validFor with Instant.plus unchecked: DateTimeException escapes.
                request("validFor of a trillion days", "validFor", meeting("validFor", json("P999999999999D"))),
                // Was: the same overflow for broadcast.duration (start.plus(duration)).
                request("broadcast.duration of a trillion days", "broadcast.duration",
                        broadcastRequest("duration", json("P999999999999D"))),
                // Was: the same overflow for broadcast.startAfter (now.plus(startAfter)).
                request("broadcast.startAfter of a trillion days", "broadcast.startAfter",
                        broadcastRequest("startAfter", json("P999999999999D"), "duration", json("PT1H"))),
                // Was: NanoMeetRules.window's plusYears(1) throws DateTimeException for notBefore in 999999999.
                request("notBefore in the year 999999999", "notBefore",
                        meeting("notBefore", json("+999999999-06-01T00:00:00Z"))),
                // Was: MeetingRequestParser.object reads one value and ignores what follows it: a body with
                // trailing content is taken as valid JSON.
                request("trailing garbage after the object", "request", meeting() + " garbage"),
                // Was: the same for a second object after the first.
                request("two objects", "request", meeting() + " " + meeting("room", json("r2"))),
                // Was: nimbus decodes base64url leniently, skipping CR and LF, so Tokens.claims reads a token with
                // CR LF inside its signature; createInvite then sends that raw value as the X-BINTU-TOKEN header.
                tokenCase("createInvite", "a CR LF inside the signature",
                        good.substring(0, signature) + "\r\n" + good.substring(signature)),
                // Was: Tokens.claims strips the token before parsing, but createInvite sends the unstripped value
                // (with its trailing CR LF) as the X-BINTU-TOKEN header.
                tokenCase("createInvite", "a trailing CR LF", good + "\r\n"),
                // Was: Tokens.claims checks the server claim is a string, not a host: startBroadcast builds the
                // recorder's call URL (and its hidden login domain) from "evil.test/steal?x=" and asks the
                // recorders. The signature is not verified, so anyone can write such a token.
                tokenCase("startBroadcast", "a server claim that is not a host name",
                        token(claims -> claims.claim("server", "evil.test/steal?x="))),
                // Was: NanoMeetSettings.from says "a malformed value fails here, naming its key", but
                // nanomeet.server is not checked; createRoom later refuses it naming "server".
                refused("NanoMeetSettings.from: nanomeet.server with a scheme", "nanomeet.server",
                        call(s -> NanoMeetSettings.from(config("nanomeet.server", "https://" + SERVER))))));
    }

    // --- NanoMeet.createRoom and createRoomAsync

    private static Stream<Arguments> roomSetups() {
        Stream<Arguments> none = Stream.of(refused("createRoom: no setup", "roomSetup", syncAndAsync(
                s -> s.nanoMeet().createRoom(null), s -> s.nanoMeet().createRoomAsync(null))));
        Stream<Arguments> rooms = BAD_ROOMS.stream()
                .map(bad -> room("room " + bad.name(), "room", room -> room.room(bad.value())));
        Stream<Arguments> servers = BAD_SERVERS.stream()
                .map(bad -> room("server " + bad.name(), "server", room -> room.server(bad.value())));
        Stream<Arguments> streamnames = BAD_STREAMNAMES.stream()
                .map(bad -> room("streamname " + bad.name(), "streamname", room -> room.streamname(bad.value())));
        Stream<Arguments> controls = CONTROLS.stream().flatMap(control -> Stream.of(
                room("room with " + control.name(), "room", room -> room.room("town" + control.value() + "hall")),
                room("server with " + control.name(), "server",
                        room -> room.server("nanomeet-eu" + control.value() + ".nanocosmos.de")),
                room("streamname with " + control.name(), "streamname",
                        room -> room.streamname("stream" + control.value() + "1"))));
        return Stream.of(none, rooms, servers, streamnames, controls).flatMap(Function.identity());
    }

    private static Stream<Arguments> roomWindows() {
        return Stream.of(
                room("nbf after exp", "exp",
                        room -> room.notBefore(NOW.plusSeconds(7200)).expires(NOW.plusSeconds(3600))),
                room("exp equal to nbf", "exp",
                        room -> room.notBefore(NOW.plusSeconds(60)).expires(NOW.plusSeconds(60))),
                room("exp equal to nbf after whole seconds", "exp",
                        room -> room.notBefore(NOW.plusSeconds(60)).expires(NOW.plusMillis(60_900))),
                room("exp before now (nbf now)", "exp", room -> room.expires(NOW.minusSeconds(60))),
                room("a window wholly in the past", "exp",
                        room -> room.notBefore(NOW.minusSeconds(7200)).expires(NOW.minusSeconds(3600))),
                room("exp in the year 9999", "exp", room -> room.expires(Instant.parse("9999-12-31T23:59:59Z"))),
                room("exp a year and a second after nbf", "exp",
                        room -> room.notBefore(NOW).expires(Instant.parse("2027-06-01T10:15:31Z"))),
                room("nbf over a year before exp", "exp",
                        room -> room.notBefore(NOW.minus(Duration.ofDays(400))).expires(NOW.plusSeconds(3600))),
                room("a validity of 366 days", "exp", room -> room.validity(Duration.ofDays(366))),
                room("a validity of one millisecond", "exp", room -> room.validity(Duration.ofMillis(1))),
                room("a zero validity", "validity", room -> room.validity(Duration.ZERO)),
                room("a negative validity", "validity", room -> room.validity(Duration.ofHours(-2))),
                room("a validity of minus one nanosecond", "validity", room -> room.validity(Duration.ofNanos(-1))));
    }

    private static Stream<Arguments> roomInstantTexts() {
        return BAD_INSTANTS.stream().flatMap(bad -> Stream.of(
                refused("RoomSetup.Builder.notBefore: " + bad.name(), "nbf",
                        call(s -> RoomSetup.builder().notBefore(bad.value()))),
                refused("RoomSetup.Builder.expires: " + bad.name(), "exp",
                        call(s -> RoomSetup.builder().expires(bad.value())))));
    }

    // --- settings

    private static Stream<Arguments> settings() {
        Stream<Arguments> keys = Stream.of(text("null", null), text("empty", ""), text("blank", " \t")).flatMap(key -> {
            NanoMeetSettings keyless = NanoMeetSettings.defaults(key.value());
            return Stream.of(
                    refused("createRoom: API key " + key.name(), "nanomeet.api-key", syncAndAsync(
                            s -> s.nanoMeet(keyless).createRoom(validRoom().build()),
                            s -> s.nanoMeet(keyless).createRoomAsync(validRoom().build()))),
                    refused("createRoom without streamname: API key " + key.name(), "nanomeet.api-key", syncAndAsync(
                            s -> s.nanoMeet(keyless).createRoom(RoomSetup.of("town_hall")),
                            s -> s.nanoMeet(keyless).createRoomAsync(RoomSetup.of("town_hall")))),
                    refused("createStream: API key " + key.name(), "nanomeet.api-key", syncAndAsync(
                            s -> s.nanoMeet(keyless).createStream(), s -> s.nanoMeet(keyless).createStreamAsync())),
                    refused("validateApiKey: API key " + key.name(), "nanomeet.api-key", syncAndAsync(
                            s -> s.nanoMeet(keyless).validateApiKey(),
                            s -> s.nanoMeet(keyless).validateApiKeyAsync())));
        });
        Stream<Arguments> config = Stream.of(
                fromConfig("nanomeet.room.default-validity", "14 days"),
                fromConfig("nanomeet.room.default-validity", "PT0S"),
                fromConfig("nanomeet.room.default-validity", "-P1D"),
                fromConfig("nanomeet.broadcast.start-deadline", "30s"),
                fromConfig("nanomeet.recorders", "ftp://recorder-1.test:2222"),
                fromConfig("nanomeet.recorders", "recorder-1.test:2222"),
                fromConfig("nanomeet.recorders", "http://"),
                fromConfig("nanomeet.recorders", "http://recorder 1.test:2222"),
                fromConfig("nanomeet.recorders", RECORDER + ", recorder-2.test:2222"),
                fromConfig("nanomeet.retry.initial-delay", "200ms"),
                fromConfig("nanomeet.retry.max-duration", "PT0S"),
                fromConfig("nanomeet.retry.max-retry-after", "-PT5S"),
                fromConfig("nanomeet.circuit-breaker.delay", "5 seconds"));
        return Stream.concat(keys, config);
    }

    // --- NanoMeet.createInvite and createInviteAsync

    private static Stream<Arguments> invites() {
        String openEnded = token(claims -> claims.expirationTime(null));
        return Stream.of(
                invite("nbf before the parent's nbf", "nbf",
                        InviteSetup.forParticipant().within(PARENT_NBF.minusSeconds(3600), NOW.plusSeconds(60))),
                invite("exp after the parent's exp", "exp",
                        InviteSetup.forParticipant().within(NOW, PARENT_EXP.plusSeconds(1))),
                invite("a window around the parent's", "nbf",
                        InviteSetup.forModerator().within(PARENT_NBF.minusSeconds(1), PARENT_EXP.plusSeconds(1))),
                invite("a window wholly after the parent's", "exp", InviteSetup.forParticipant()
                        .within(PARENT_EXP.plusSeconds(3600), PARENT_EXP.plusSeconds(7200))),
                invite("a window wholly before now", "exp",
                        InviteSetup.forParticipant().within(PARENT_NBF, NOW.minusSeconds(60))),
                invite("nbf after exp", "exp",
                        InviteSetup.forParticipant().within(NOW.plusSeconds(7200), NOW.plusSeconds(3600))),
                invite("exp equal to nbf", "exp",
                        InviteSetup.forParticipant().within(NOW.plusSeconds(60), NOW.plusSeconds(60))),
                invite("exp in the year 9999", "exp",
                        InviteSetup.forParticipant().within(NOW, Instant.parse("9999-12-31T23:59:59Z"))),
                invite("a validity past the parent's exp", "exp",
                        new InviteSetup(false, null, null, Duration.ofDays(2))),
                invite("only nbf, after the parent's exp", "nbf",
                        new InviteSetup(false, PARENT_EXP.plusSeconds(3600), null, null)),
                invite("only nbf, before the parent's nbf", "nbf",
                        new InviteSetup(true, PARENT_NBF.minusSeconds(1), null, null)),
                refused("createInvite: only nbf, the parent has no exp", "exp", inviteAttempt(openEnded,
                        new InviteSetup(false, NOW, null, null)), openEnded));
    }

    // --- tokens: claims, createInvite, startBroadcast, stopBroadcast

    private static Stream<Arguments> badTokens() {
        String good = token(claims -> claims);
        String[] parts = good.split("\\.");
        int payload = parts[0].length() + 10;
        return Stream.of(
                badToken("null", null),
                badToken("empty", ""),
                badToken("blank", "   "),
                badToken("only whitespace and controls", "\n\t\r "),
                badToken("garbage of 300 characters", "x".repeat(300)),
                badToken("garbage with dots", "aaaa.bbbb.cccc" + "x".repeat(250)),
                badToken("199 characters of a real token", good.substring(0, Tokens.MIN_LENGTH - 1)),
                badToken("a real token with 17000 characters of claims",
                        token(claims -> claims.claim("padding", "p".repeat(17_000)))),
                badToken("16385 characters of garbage", "x".repeat(Tokens.MAX_LENGTH + 1)),
                badToken("two parts (no signature)", parts[0] + "." + parts[1]),
                badToken("four parts", good + "." + parts[2]),
                badToken("a Bearer prefix", "Bearer " + good),
                badToken("a header line injected into the claims", good.substring(0, payload) + "\r\nX-Evil: 1"
                        + good.substring(payload)),
                badToken("alg none (PlainJWT)", readable(new PlainJWT(moderatorClaims().build()).serialize())),
                badToken("alg none with a signature", rawToken("{\"alg\":\"none\"}", parts[1], parts[2])),
                badToken("a header without alg", rawToken("{\"typ\":\"JWT\"}", parts[1], parts[2])),
                badToken("a header that is not JSON", rawToken("not json", parts[1], parts[2])),
                badToken("encrypted (JWE)", encrypted(moderatorClaims().build())),
                badToken("claims that are not JSON", withClaims("not json", parts)),
                badToken("claims that are a JSON array", withClaims("[\"room\", \"town_hall\"]", parts)),
                badToken("claims that are a JSON string", withClaims("\"town_hall\"", parts)),
                badToken("claims that are JSON null", withClaims("null", parts)),
                badToken("no room claim", token(claims -> claims.claim("room", null))),
                badToken("a blank room claim", token(claims -> claims.claim("room", " "))),
                badToken("no streamname claim", token(claims -> claims.claim("streamname", null))),
                badToken("no server claim", token(claims -> claims.claim("server", null))),
                badToken("no sub claim", token(claims -> claims.subject(null))),
                badToken("a blank sub claim", token(claims -> claims.subject(""))),
                badToken("room as a number", token(claims -> claims.claim("room", 42))),
                badToken("room as a boolean", token(claims -> claims.claim("room", true))),
                badToken("streamname as an array", token(claims -> claims.claim("streamname", List.of("stream-1")))),
                badToken("server as an object", token(claims -> claims.claim("server", Map.of("host", SERVER)))),
                badToken("exp as a string", withClaims(claimsJson("\"exp\": \"tomorrow\""), parts)),
                badToken("nbf as a boolean", withClaims(claimsJson("\"nbf\": true"), parts)),
                badToken("iat as an array", withClaims(claimsJson("\"iat\": [1780308000]"), parts)),
                badToken("aud as a number", withClaims(claimsJson("\"aud\": 42"), parts)),
                badToken("iss as a number", withClaims(claimsJson("\"iss\": 42"), parts)),
                // Tokens does not verify signatures: another key's token is refused only for its other defect.
                badToken("of another key, without sub", token(OTHER_KEY, claims -> claims.subject(null))),
                badToken("of another key, room as a number", token(OTHER_KEY, claims -> claims.claim("room", 7))))
                .flatMap(Function.identity());
    }

    private static Stream<Arguments> notAModeratorsTokens() {
        Date expired = Date.from(NOW.minusSeconds(60));
        return Stream.of(
                moderatorOnly("of a participant", token(claims -> claims.claim("moderator", false)), true),
                moderatorOnly("without a moderator claim", token(claims -> claims.claim("moderator", null)), true),
                moderatorOnly("with moderator \"yes\"", token(claims -> claims.claim("moderator", "yes")), true),
                moderatorOnly("with moderator \"TRUE\"", token(claims -> claims.claim("moderator", "TRUE")), true),
                moderatorOnly("with moderator as the number 1", token(claims -> claims.claim("moderator", 1)), true),
                moderatorOnly("of another key's participant",
                        token(OTHER_KEY, claims -> claims.claim("moderator", false)), true),
                moderatorOnly("that expired a minute ago", token(claims -> claims.expirationTime(expired)), false),
                moderatorOnly("that expires right now", token(claims -> claims.expirationTime(Date.from(NOW))), false),
                moderatorOnly("of another key, expired", token(OTHER_KEY, claims -> claims.expirationTime(expired)),
                        false))
                .flatMap(Function.identity());
    }

    // --- broadcasts

    private static Stream<Arguments> broadcasts() {
        String moderator = token(claims -> claims);
        Stream<Arguments> recorders = Stream.of(
                text("an unknown recorder", "http://recorder-9.test:2222"),
                text("a recorder without scheme", "recorder-1.test:2222"),
                text("a recorder with a path", RECORDER + "/jibri"),
                text("a recorder with CR LF", RECORDER + "\r\n"),
                text("an empty recorder", ""))
                .map(bad -> startBroadcast(bad.name(), "recorder", moderator, BroadcastSetup.live().on(bad.value()),
                        Subjects::nanoMeet));
        Stream<Arguments> settings = Stream.of(
                startBroadcast("no recorders configured", "nanomeet.recorders", moderator, BroadcastSetup.recorded(),
                        s -> s.nanoMeet(NanoMeetSettings.defaults(API_KEY), broadcastSettings(List.of(), "recorder"))),
                startBroadcast("no recorder login configured", "nanomeet.recorder.login.username", moderator,
                        BroadcastSetup.live(), s -> s.nanoMeet(NanoMeetSettings.defaults(API_KEY),
                                broadcastSettings(List.of(RECORDER), null))));
        Stream<Text> controlled = CONTROLS.stream()
                .map(control -> text("with " + control.name(), "town" + control.value() + "hall"));
        Stream<Arguments> statuses = Stream.concat(BAD_ROOMS.stream(), controlled)
                .map(bad -> refused("broadcastStatus: room " + bad.name(), "room",
                        call(s -> s.nanoMeet().broadcastStatus(bad.value()))));
        return Stream.of(recorders, settings, statuses).flatMap(Function.identity());
    }

    // --- MeetingRequestParser.parse

    private static Stream<Arguments> meetingRequestTexts() {
        return Stream.of(
                request("null", "request", null),
                request("empty", "request", ""),
                request("blank", "request", " \n\t "),
                request("plain text", "request", "please book town_hall for tomorrow"),
                request("a form body", "request", "room=r1&host=Ada"),
                request("XML", "request", "<meeting room=\"r1\"><host name=\"Ada\"/></meeting>"),
                request("only an opening brace", "request", "{"),
                request("truncated after a key", "request", "{\"room\": "),
                request("truncated inside the host", "request", "{\"room\": \"r1\", \"host\": {\"name\": \"Ada\""),
                request("without its closing brace", "request", meeting().substring(0, meeting().length() - 1)),
                request("a trailing comma", "request", "{\"room\": \"r1\", \"host\": {\"name\": \"Ada\"},}"),
                request("a missing comma", "request", "{\"room\": \"r1\" \"host\": {\"name\": \"Ada\"}}"),
                request("single quotes", "request", "{'room': 'r1', 'host': {'name': 'Ada'}}"),
                request("an unquoted key", "request", "{room: \"r1\", \"host\": {\"name\": \"Ada\"}}"),
                request("a comment", "request", "{\"room\": \"r1\", /* host */ \"host\": {\"name\": \"Ada\"}}"),
                request("NaN", "request", meeting("validFor", "NaN")),
                request("a bad escape", "request", "{\"room\": \"r\\x1\", \"host\": {\"name\": \"Ada\"}}"),
                request("a byte order mark", "request", "\uFEFF" + meeting()),
                request("a top-level array", "request", "[" + meeting() + "]"),
                request("an empty array", "request", "[]"),
                request("a top-level string", "request", "\"r1\""),
                request("a top-level number", "request", "42"),
                request("a top-level boolean", "request", "true"),
                request("a top-level null", "request", "null"));
    }

    private static Stream<Arguments> meetingRequestTypes() {
        List<Text> wrongTypes = List.of(text("a number", "42"), text("a boolean", "true"),
                text("an array", "[\"r1\"]"), text("an object", "{\"value\": \"r1\"}"));
        Stream<Arguments> texts = Stream.of("room", "server", "notBefore", "expires", "validFor")
                .flatMap(field -> wrongTypes.stream().map(wrong ->
                        request(field + " as " + wrong.name(), field, meeting(field, wrong.value()))));
        Stream<Arguments> objects = Stream.of(
                request("host as a number", "host", meeting("host", "42")),
                request("host as a boolean", "host", meeting("host", "false")),
                request("host as an array", "host", meeting("host", "[{\"name\": \"Ada\"}]")),
                request("host as a string", "host", meeting("host", json("Ada"))),
                request("participants as a number", "participants", meeting("participants", "3")),
                request("participants as a string", "participants", meeting("participants", json("Bob, Cy"))),
                request("participants as a boolean", "participants", meeting("participants", "true")),
                request("participants as an object", "participants", meeting("participants", person("Bob"))),
                request("broadcast as a number", "broadcast", meeting("broadcast", "1")),
                request("broadcast as a string", "broadcast", meeting("broadcast", json("yes"))),
                request("broadcast as a boolean", "broadcast", meeting("broadcast", "true")),
                request("broadcast as an array", "broadcast", meeting("broadcast", "[]")));
        Stream<Arguments> required = Stream.of(
                request("no room", "room", meeting("room", null)),
                request("room null", "room", meeting("room", "null")),
                request("no host", "host", meeting("host", null)),
                request("host null", "host", meeting("host", "null")));
        Stream<Arguments> unknown = Stream.of("colour", "Room", "", "participant", "valid_for", "__proto__", "room ")
                .map(key -> request("unknown field \"" + key + "\"", key, meeting(key, json("x"))));
        Stream<Arguments> values = Stream.concat(
                BAD_ROOMS.stream().filter(bad -> bad.value() != null)
                        .map(bad -> request("room " + bad.name(), "room", meeting("room", json(bad.value())))),
                BAD_SERVERS.stream()
                        .map(bad -> request("server " + bad.name(), "server", meeting("server", json(bad.value())))));
        Stream<Arguments> controls = CONTROLS.stream().flatMap(control -> Stream.of(
                request("room with " + control.name(), "room", meeting("room", json("r" + control.value() + "1"))),
                request("server with " + control.name(), "server",
                        meeting("server", json("nanomeet-eu" + control.value() + ".nanocosmos.de")))));
        return Stream.of(texts, objects, required, unknown, values, controls).flatMap(Function.identity());
    }

    private static Stream<Arguments> meetingRequestPeople() {
        String nameRule = "host.name";
        Stream<Arguments> hosts = Stream.of(
                request("host without name", nameRule, meeting("host", "{}")),
                request("host name null", nameRule, meeting("host", "{\"name\": null}")),
                request("host name empty", nameRule, meeting("host", person(""))),
                request("host name blank", nameRule, meeting("host", person(" \u2003 "))),
                request("host name as a number", nameRule, meeting("host", "{\"name\": 7}")),
                request("host name as an array", nameRule, meeting("host", "{\"name\": [\"Ada\"]}")),
                request("host name of 201 characters", nameRule, meeting("host", person("A".repeat(201)))),
                request("host name of 100000 characters", nameRule, meeting("host", person("A".repeat(100_000)))));
        Stream<Arguments> participants = Stream.of(
                request("600 participants", "participants", withParticipants(Collections.nCopies(600, person("Bob")))),
                request("501 participants", "participants", withParticipants(Collections.nCopies(501, person("Bob")))),
                request("participants[3].role as a number", "participants[3].role", withParticipants(List.of(
                        person("Bob"), person("Cy"), person("Dee"), "{\"name\": \"Eve\", \"role\": 1}"))),
                request("participants[0].role as a boolean", "participants[0].role",
                        withParticipants(List.of("{\"name\": \"Bob\", \"role\": true}"))),
                request("participants[1].role as an array", "participants[1].role",
                        withParticipants(List.of(person("Bob"), "{\"name\": \"Cy\", \"role\": [\"moderator\"]}"))),
                request("participants[0].role unknown", "participants[0].role",
                        withParticipants(List.of(person("Bob", "admin")))),
                request("participants[0].role capitalised", "participants[0].role",
                        withParticipants(List.of(person("Bob", "Moderator")))),
                request("participants[0].role empty", "participants[0].role",
                        withParticipants(List.of(person("Bob", "")))),
                request("participants[0] without name", "participants[0].name",
                        withParticipants(List.of("{\"role\": \"moderator\"}"))),
                request("participants[0].name as a number", "participants[0].name",
                        withParticipants(List.of("{\"name\": 42}"))),
                request("participants[1].name of 201 characters", "participants[1].name",
                        withParticipants(List.of(person("Bob"), person("C".repeat(201))))),
                request("participants[2] as a string", "participants[2]",
                        withParticipants(List.of(person("Bob"), person("Cy"), json("Dee")))),
                request("participants[0] as a number", "participants[0]", withParticipants(List.of("1"))),
                request("participants[0] as null", "participants[0]", withParticipants(List.of("null"))),
                request("participants[0] as an array", "participants[0]",
                        withParticipants(List.of("[" + person("Bob") + "]"))));
        Stream<Arguments> controls = CONTROLS.stream().flatMap(control -> Stream.of(
                request("host name with " + control.name(), nameRule,
                        meeting("host", person("Ada" + control.value() + "Lovelace"))),
                request("participants[1].name with " + control.name(), "participants[1].name",
                        withParticipants(List.of(person("Bob"), person("Cy" + control.value())))),
                request("participants[0].role with " + control.name(), "participants[0].role",
                        withParticipants(List.of(person("Bob", "moderator" + control.value()))))));
        return Stream.of(hosts, participants, controls).flatMap(Function.identity());
    }

    private static Stream<Arguments> meetingRequestWindows() {
        Stream<Arguments> instants = BAD_INSTANTS.stream().flatMap(bad -> Stream.of(
                request("notBefore " + bad.name(), "notBefore", meeting("notBefore", json(bad.value()))),
                request("expires " + bad.name(), "expires", meeting("expires", json(bad.value())))));
        Stream<Arguments> durations = BAD_DURATIONS.stream()
                .map(bad -> request("validFor " + bad.name(), "validFor", meeting("validFor", json(bad.value()))));
        Stream<Arguments> windows = Stream.of(
                request("expires and validFor", "validFor",
                        meeting("expires", json("2026-06-02T09:00:00Z"), "validFor", json("PT2H"))),
                request("expires before notBefore", "expires",
                        meeting("notBefore", json("2026-06-02T09:00:00Z"), "expires", json("2026-06-02T08:00:00Z"))),
                request("expires equal to notBefore", "expires", meeting("notBefore", json("2026-06-02T09:00:00Z"),
                        "expires", json("2026-06-02T11:00:00+02:00"))),
                request("expires in the past", "expires", meeting("notBefore", json("2026-05-01T09:00:00Z"),
                        "expires", json("2026-05-02T09:00:00Z"))),
                request("expires in the year 9999", "expires", meeting("expires", json("9999-12-31T23:59:59Z"))),
                request("validFor of 400 days", "expires", meeting("validFor", json("P400D"))),
                request("notBefore over a year before expires", "expires",
                        meeting("notBefore", json("2025-05-01T09:00:00Z"), "expires", json("2026-06-02T09:00:00Z"))));
        return Stream.of(instants, durations, windows).flatMap(Function.identity());
    }

    private static Stream<Arguments> meetingRequestBroadcasts() {
        String start = json("2026-06-01T10:30:00Z");
        Stream<Arguments> instants = BAD_INSTANTS.stream().flatMap(bad -> Stream.of(
                request("broadcast.start " + bad.name(), "broadcast.start",
                        broadcastRequest("start", json(bad.value()), "duration", json("PT10M"))),
                request("broadcast.stop " + bad.name(), "broadcast.stop",
                        broadcastRequest("start", start, "stop", json(bad.value())))));
        Stream<Arguments> durations = BAD_DURATIONS.stream().flatMap(bad -> Stream.of(
                request("broadcast.duration " + bad.name(), "broadcast.duration",
                        broadcastRequest("duration", json(bad.value()))),
                request("broadcast.startAfter " + bad.name(), "broadcast.startAfter",
                        broadcastRequest("startAfter", json(bad.value()), "duration", json("PT10M")))));
        Stream<Arguments> plans = Stream.of(
                request("broadcast.stop before start", "broadcast.stop",
                        broadcastRequest("start", start, "stop", json("2026-06-01T10:20:00Z"))),
                request("broadcast.stop equal to start", "broadcast.stop",
                        broadcastRequest("start", start, "stop", start)),
                request("broadcast.stop after expires", "broadcast.stop",
                        broadcastRequest("start", start, "stop", json("2026-06-01T12:15:31Z"))),
                request("broadcast.duration past expires", "broadcast.stop",
                        broadcastRequest("startAfter", json("PT1M"), "duration", json("PT3H"))),
                request("broadcast.start before notBefore", "broadcast.start",
                        broadcastRequest("start", json("2026-06-01T10:00:00Z"), "duration", json("PT10M"))),
                request("broadcast.stop in the past", "broadcast.stop", meeting("notBefore",
                        json("2026-05-01T00:00:00Z"), "expires", json("2026-06-20T00:00:00Z"), "broadcast", object(
                                "start", json("2026-05-01T01:00:00Z"), "stop", json("2026-05-02T00:00:00Z")))),
                request("broadcast without stop or duration", "broadcast.stop", broadcastRequest("start", start)),
                request("an empty broadcast", "broadcast.stop", broadcastRequest()),
                request("broadcast.stop and broadcast.duration", "broadcast.duration",
                        broadcastRequest("stop", json("2026-06-01T11:00:00Z"), "duration", json("PT10M"))),
                request("broadcast.start and broadcast.startAfter", "broadcast.startAfter",
                        broadcastRequest("start", start, "startAfter", json("PT1M"), "duration", json("PT10M"))),
                request("broadcast.vod as a string", "broadcast.vod",
                        broadcastRequest("vod", json("true"), "duration", json("PT10M"))),
                request("broadcast.vod as a number", "broadcast.vod",
                        broadcastRequest("vod", "1", "duration", json("PT10M"))),
                request("broadcast.vod as an array", "broadcast.vod",
                        broadcastRequest("vod", "[true]", "duration", json("PT10M"))),
                request("broadcast.vod as an object", "broadcast.vod",
                        broadcastRequest("vod", "{}", "duration", json("PT10M"))),
                request("broadcast.start as a number", "broadcast.start",
                        broadcastRequest("start", "1796312719", "duration", json("PT10M"))),
                request("broadcast.stop as a boolean", "broadcast.stop",
                        broadcastRequest("start", start, "stop", "true")),
                request("broadcast.duration as a number", "broadcast.duration", broadcastRequest("duration", "600")),
                request("broadcast.startAfter as an array", "broadcast.startAfter",
                        broadcastRequest("startAfter", "[\"PT1M\"]", "duration", json("PT10M"))));
        Stream<Arguments> unknown = Stream.of("colour", "Start", "recorder", "")
                .map(key -> request("unknown field broadcast.\"" + key + "\"", "broadcast." + key,
                        broadcastRequest("duration", json("PT10M"), key, json("x"))));
        return Stream.of(instants, durations, plans, unknown).flatMap(Function.identity());
    }

    // --- NanoMeetRules and Iso8601, with the caller's own field names

    private static Stream<Arguments> rules() {
        TokenClaims parent = new TokenClaims("town_hall", "stream-1", SERVER, "acme", true, PARENT_NBF, PARENT_EXP,
                null, null, List.of());
        return Stream.of(
                refused("NanoMeetRules.room: a space", "meeting.room",
                        call(s -> NanoMeetRules.room("meeting.room", "town hall"))),
                refused("NanoMeetRules.room: null", "meeting.room",
                        call(s -> NanoMeetRules.room("meeting.room", null))),
                refused("NanoMeetRules.server: a URL", "meeting.server",
                        call(s -> NanoMeetRules.server("meeting.server", "https://" + SERVER + "/acme"))),
                refused("NanoMeetRules.server: null", "meeting.server",
                        call(s -> NanoMeetRules.server("meeting.server", null))),
                refused("NanoMeetRules.streamname: null", "meeting.stream",
                        call(s -> NanoMeetRules.streamname("meeting.stream", null))),
                refused("NanoMeetRules.window: from after until", "until",
                        call(s -> NanoMeetRules.window("from", "until", NOW.plusSeconds(60), NOW, NOW))),
                refused("NanoMeetRules.window: until equal to from", "until",
                        call(s -> NanoMeetRules.window("from", "until", NOW.plusSeconds(60), NOW.plusSeconds(60),
                                NOW))),
                refused("NanoMeetRules.window: until in the past", "until", call(s -> NanoMeetRules.window("from",
                        "until", NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW))),
                refused("NanoMeetRules.window: longer than a year", "until", call(s -> NanoMeetRules.window("from",
                        "until", NOW, NOW.plus(Duration.ofDays(366)), NOW))),
                refused("NanoMeetRules.within: from before the parent's", "from", call(s -> NanoMeetRules.within(
                        "from", "until", PARENT_NBF.minusSeconds(1), PARENT_EXP, parent))),
                refused("NanoMeetRules.within: until after the parent's", "until", call(s -> NanoMeetRules.within(
                        "from", "until", PARENT_NBF, PARENT_EXP.plusSeconds(1), parent))));
    }

    private static Stream<Arguments> iso8601() {
        Stream<Arguments> instants = Stream.concat(Stream.of(text("null", null)), BAD_INSTANTS.stream())
                .map(bad -> refused("Iso8601.instant: " + bad.name(), "startsAt",
                        call(s -> Iso8601.instant("startsAt", bad.value()))));
        Stream<Arguments> durations = Stream.concat(Stream.of(text("null", null)), BAD_DURATIONS.stream())
                .map(bad -> refused("Iso8601.duration: " + bad.name(), "lasts",
                        call(s -> Iso8601.duration("lasts", bad.value()))));
        return Stream.concat(instants, durations);
    }

    // --- the count

    @Test
    void corpusHoldsAtLeast150Cases() {
        assertThat(corpus().count()).as("cases in the corpus").isGreaterThanOrEqualTo(150);
    }

    // --- builders of cases

    private static Arguments refused(String description, String field, Attempt attempt, String... secrets) {
        List<String> parts = Stream.of(secrets).filter(Objects::nonNull).toList();
        return Arguments.of(Named.of(description + " -> " + field, new BadInput(field, attempt, parts)));
    }

    private static Arguments room(String description, String field, UnaryOperator<RoomSetup.Builder> change) {
        return refused("createRoom: " + description, field, syncAndAsync(
                s -> s.nanoMeet().createRoom(change.apply(validRoom()).build()),
                s -> s.nanoMeet().createRoomAsync(change.apply(validRoom()).build())));
    }

    private static Arguments invite(String description, String field, InviteSetup setup) {
        String parent = token(claims -> claims);
        return refused("createInvite: " + description, field, inviteAttempt(parent, setup), parent);
    }

    private static Attempt inviteAttempt(String token, InviteSetup setup) {
        return syncAndAsync(s -> s.nanoMeet().createInvite(token, setup),
                s -> s.nanoMeet().createInviteAsync(token, setup));
    }

    private static Arguments startBroadcast(String description, String field, String token, BroadcastSetup setup,
            Function<Subjects, NanoMeet> nanoMeet) {
        return refused("startBroadcast: " + description, field, syncAndAsync(
                s -> nanoMeet.apply(s).startBroadcast(token, setup),
                s -> nanoMeet.apply(s).startBroadcastAsync(token, setup)), token);
    }

    /** A token refused by every operation that reads one. */
    private static Stream<Arguments> badToken(String description, String token) {
        return TOKEN_USES.stream().map(use -> tokenCase(use.name(), description, token));
    }

    /** A readable token refused by the operations that need a moderator's unexpired token. */
    private static Stream<Arguments> moderatorOnly(String description, String token, boolean stopRefuses) {
        return TOKEN_USES.stream().filter(use -> !use.name().equals("claims"))
                .filter(use -> stopRefuses || !use.name().equals("stopBroadcast"))
                .map(use -> tokenCase(use.name(), description, token));
    }

    private static Arguments tokenCase(String operation, String description, String token) {
        TokenUse use = TOKEN_USES.stream().filter(candidate -> candidate.name().equals(operation)).findFirst()
                .orElseThrow();
        return refused(operation + ": token " + description, "token", use.attempt().apply(token), token);
    }

    private static Arguments request(String description, String field, String json) {
        return refused("meeting request: " + description, field, call(s -> s.parser().parse(json, NOW)));
    }

    private static Arguments fromConfig(String key, String value) {
        return refused("NanoMeet from config: " + key + " = " + value, key,
                call(s -> new NanoMeet(s.recording(TokenServiceClient.class), s.recording(BintuClient.class),
                        config(key, value))));
    }

    // --- attempts

    private static Attempt call(Consumer<Subjects> call) {
        return subjects -> catchThrowable(() -> call.accept(subjects));
    }

    /** Both forms of an operation: the asynchronous one must fail its stage with the synchronous one's refusal. */
    private static Attempt syncAndAsync(Function<Subjects, ?> sync, Function<Subjects, CompletionStage<?>> async) {
        return subjects -> {
            Throwable direct = catchThrowable(() -> sync.apply(subjects));
            Throwable later = failureOf(() -> async.apply(subjects));

            if (direct instanceof NanoMeetException refusal) {
                assertThat(later).as("failure of the asynchronous form").isExactlyInstanceOf(refusal.getClass())
                        .hasMessage(refusal.getMessage());
                assertThat(((NanoMeetException) later).operation()).as("operation of the asynchronous failure")
                        .isEqualTo(refusal.operation());
            }
            return direct;
        };
    }

    private static Throwable failureOf(Supplier<CompletionStage<?>> async) {
        CompletionStage<?> stage;
        try {
            stage = async.get();
        } catch (RuntimeException e) {
            throw new AssertionError("the asynchronous form threw instead of failing its stage", e);
        }
        try {
            stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e;
            while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the asynchronous form did not complete within 10 s", e);
        }
    }

    /** The API key, the recorder password and each token of the input, with each part a token is made of. */
    private static List<String> secretParts(List<String> tokens) {
        Stream<String> parts = tokens.stream()
                .flatMap(token -> Stream.concat(Stream.of(token), Arrays.stream(token.split("\\."))));
        return Stream.concat(Stream.of(API_KEY, RECORDER_PASSWORD), parts).map(String::strip)
                .filter(part -> part.length() >= 8).distinct().toList();
    }

    // --- inputs

    private static RoomSetup.Builder validRoom() {
        return RoomSetup.builder().room("town_hall").streamname("stream-1");
    }

    private static BroadcastSettings broadcastSettings(List<URI> recorders, String username) {
        return new BroadcastSettings(recorders, null, username, username == null ? null : RECORDER_PASSWORD,
                BroadcastSettings.DEFAULT_INGEST, BroadcastSettings.DEFAULT_LIVE_PLAYOUT,
                BroadcastSettings.DEFAULT_VOD_PLAYOUT, BroadcastSettings.DEFAULT_START_DEADLINE);
    }

    private static Config config(String key, String value) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(key.equals(args[0]) ? value : null);
                    }
                    throw new UnsupportedOperationException("Config." + method.getName());
                });
    }

    /** A meeting request: room r1 and host Ada, with the given members (key, raw JSON; a null value removes). */
    private static String meeting(String... members) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("room", json("r1"));
        request.put("host", person("Ada"));
        return object(request, members);
    }

    /** A meeting request valid for two hours with a broadcast of the given members. */
    private static String broadcastRequest(String... members) {
        return meeting("validFor", json("PT2H"), "broadcast", object(members));
    }

    private static String withParticipants(List<String> people) {
        return meeting("participants", people.stream().collect(Collectors.joining(", ", "[", "]")));
    }

    private static String person(String name) {
        return "{\"name\": " + json(name) + "}";
    }

    private static String person(String name, String role) {
        return "{\"name\": " + json(name) + ", \"role\": " + json(role) + "}";
    }

    private static String object(String... members) {
        return object(new LinkedHashMap<>(), members);
    }

    private static String object(Map<String, String> defaults, String... members) {
        for (int i = 0; i < members.length; i += 2) {
            if (members[i + 1] == null) {
                defaults.remove(members[i]);
            } else {
                defaults.put(members[i], members[i + 1]);
            }
        }
        return defaults.entrySet().stream().map(member -> json(member.getKey()) + ": " + member.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** A JSON string of the text, with quotes, backslashes and control characters escaped. */
    private static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static JWTClaimsSet.Builder moderatorClaims() {
        return new JWTClaimsSet.Builder().claim("room", "town_hall").claim("streamname", "stream-1")
                .claim("server", SERVER).subject("acme").claim("moderator", true).issuer("bintu-cloud-token")
                .audience("nanomeet").notBeforeTime(Date.from(PARENT_NBF)).expirationTime(Date.from(PARENT_EXP));
    }

    /** A moderator's claims, signed with this test's key after the change. */
    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        return token(KEY, change);
    }

    private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(moderatorClaims()).build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
        return jwt.serialize();
    }

    private static String encrypted(JWTClaimsSet claims) {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM), claims);
        try {
            jwe.encrypt(new RSAEncrypter(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not encrypt a test token", e);
        }
        return readable(jwe.serialize());
    }

    /** A good token's header and signature around other claims, as raw JSON. */
    private static String withClaims(String claimsJson, String[] parts) {
        return readable(parts[0] + "." + base64Url(claimsJson) + "." + parts[2]);
    }

    private static String rawToken(String headerJson, String claimsPart, String signaturePart) {
        return readable(base64Url(headerJson) + "." + claimsPart + "." + signaturePart);
    }

    /** The claims of a moderator's token as JSON, with one more member. */
    private static String claimsJson(String member) {
        return "{\"room\": \"town_hall\", \"streamname\": \"stream-1\", \"server\": \"" + SERVER + "\", "
                + "\"sub\": \"acme\", \"moderator\": true, " + member + "}";
    }

    /** The token, checked to be of a length Tokens reads, so that its case tests what it says. */
    private static String readable(String token) {
        if (token.length() < Tokens.MIN_LENGTH || token.length() > Tokens.MAX_LENGTH) {
            throw new IllegalStateException("a test token of " + token.length() + " characters is refused for its "
                    + "length alone");
        }
        return token;
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a test key", e);
        }
    }

    private static Text text(String name, String value) {
        return new Text(name, value);
    }

    /** A named text value of the corpus. */
    private record Text(String name, String value) {
    }

    /** An operation that reads a token, by name. */
    private record TokenUse(String name, Function<String, Attempt> attempt) {
    }

    /** One bad input: the field its refusal names, how to attempt it, and the secrets it holds. */
    record BadInput(String field, Attempt attempt, List<String> secrets) {
    }

    /** Runs a bad input against the subjects and answers what it threw, or null. */
    @FunctionalInterface
    interface Attempt {
        Throwable refusal(Subjects subjects);
    }

    /** What a case runs against: NanoMeets and a parser whose remote clients record every call and fail it. */
    static final class Subjects {

        private final List<String> calls = new ArrayList<>();

        NanoMeet nanoMeet() {
            return nanoMeet(NanoMeetSettings.defaults(API_KEY));
        }

        NanoMeet nanoMeet(NanoMeetSettings settings) {
            return nanoMeet(settings, broadcastSettings(List.of(RECORDER), "recorder"));
        }

        NanoMeet nanoMeet(NanoMeetSettings settings, BroadcastSettings broadcasts) {
            Map<URI, JibriClient> recorders = new LinkedHashMap<>();
            broadcasts.recorders().forEach(url -> recorders.put(url, recording(JibriClient.class)));
            return new NanoMeet(recording(TokenServiceClient.class), recording(BintuClient.class), recorders,
                    settings, broadcasts, RetryPolicy.defaults(), CLOCK);
        }

        MeetingRequestParser parser() {
            return new MeetingRequestParser(SERVER, Duration.ofDays(14));
        }

        <T> T recording(Class<T> type) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                    (proxy, method, args) -> {
                        calls.add(type.getSimpleName() + "." + method.getName());
                        throw new AssertionError("refused input reached " + type.getSimpleName() + "."
                                + method.getName());
                    }));
        }
    }
}

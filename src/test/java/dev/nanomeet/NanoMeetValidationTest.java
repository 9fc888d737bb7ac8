package dev.nanomeet;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nanomeet.client.BintuClient;
import dev.nanomeet.client.InviteTokenRequest;
import dev.nanomeet.client.RoomTokenRequest;
import dev.nanomeet.client.TokenResponse;
import dev.nanomeet.client.TokenServiceClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bad input is refused before any remote call: the clients here fail the test if they are called at all. */
class NanoMeetValidationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:15:30.750Z");
    private static final Instant PARENT_NBF = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant PARENT_EXP = Instant.parse("2026-06-02T10:00:00Z");
    private static final String CREATE_ROOM = "create room token";
    private static final String CREATE_INVITE = "create invite token";

    private static RSAKey key;

    private final List<String> calls = new ArrayList<>();
    private final NanoMeet nanoMeet = nanoMeet(NanoMeetSettings.defaults("test-key-123456"),
            refusing(TokenServiceClient.class));

    @BeforeAll
    static void generateKey() throws JOSEException {
        key = new RSAKeyGenerator(2048).generate();
    }

    @Test
    void createRoomRefusesNoSetup() {
        assertRefused(() -> nanoMeet.createRoom(null), CREATE_ROOM, "roomSetup", "roomSetup must be given");
    }

    @Test
    void createRoomRefusesABadRoomName() {
        assertRefused(() -> nanoMeet.createRoom(room().room("town hall").build()), CREATE_ROOM, "room",
                "room must be made of a-z, A-Z, 0-9 and _ only");
    }

    @Test
    void createRoomRefusesAServerWithScheme() {
        assertRefused(() -> nanoMeet.createRoom(room().server("https://nanomeet-eu.nanocosmos.de").build()),
                CREATE_ROOM, "server",
                "server must be a host name such as nanomeet-eu.nanocosmos.de, without scheme or path");
    }

    @Test
    void createRoomRefusesABadStreamname() {
        assertRefused(() -> nanoMeet.createRoom(room().streamname("live/1").build()), CREATE_ROOM, "streamname",
                "streamname must be made of a-z, A-Z, 0-9, _, . and - only, at most 128 characters");
    }

    @Test
    void createRoomRefusesExpiresBeforeNotBefore() {
        RoomSetup setup = room().notBefore(NOW.plus(Duration.ofHours(2))).expires(NOW.plus(Duration.ofHours(1)))
                .build();

        assertRefused(() -> nanoMeet.createRoom(setup), CREATE_ROOM, "exp",
                "exp must be after nbf (2026-06-01T12:15:30Z)");
    }

    @Test
    void createRoomRefusesAWindowOverAYear() {
        assertRefused(() -> nanoMeet.createRoom(room().validity(Duration.ofDays(366)).build()), CREATE_ROOM, "exp",
                "exp must be at most one year after nbf (at most 2027-06-01T10:15:30Z)");
    }

    @Test
    void createRoomRefusesANonPositiveValidity() {
        assertRefused(() -> nanoMeet.createRoom(room().validity(Duration.ZERO).build()), CREATE_ROOM, "validity",
                "validity must be a positive duration");
    }

    @Test
    void everyOperationRefusesAMissingApiKey() {
        NanoMeet keyless = nanoMeet(NanoMeetSettings.defaults(null), refusing(TokenServiceClient.class));
        String message = "nanomeet.api-key must be set (in MicroProfile Config or the environment variable "
                + "NANOMEET_API_KEY)";

        assertRefused(() -> keyless.createRoom(room().build()), CREATE_ROOM, "nanomeet.api-key", message);
        assertRefused(keyless::createStream, "create stream", "nanomeet.api-key", message);
        assertRefused(keyless::validateApiKey, "validate API key", "nanomeet.api-key", message);
    }

    @Test
    void createInviteRefusesGarbageAsToken() {
        assertRefused(() -> nanoMeet.createInvite("x".repeat(300), InviteSetup.forParticipant()), CREATE_INVITE,
                "token", "token must be a JWT of three base64url parts with JSON claims");
    }

    @Test
    void createInviteRefusesAParticipantsToken() {
        String participant = signed(parentClaims().claim("moderator", false).build());

        assertRefused(() -> nanoMeet.createInvite(participant, InviteSetup.forParticipant()), CREATE_INVITE,
                "token", "token must be a moderator's token to create invites");
    }

    @Test
    void createInviteRefusesAnExpiredToken() {
        String expired = signed(parentClaims().expirationTime(Date.from(Instant.parse("2026-06-01T10:14:30Z")))
                .build());

        assertRefused(() -> nanoMeet.createInvite(expired, InviteSetup.forModerator()), CREATE_INVITE, "token",
                "token must be unexpired (it expired at 2026-06-01T10:14:30Z)");
    }

    @Test
    void createInviteRefusesAWindowOutsideTheParents() {
        String parent = signed(parentClaims().build());
        InviteSetup early = InviteSetup.forParticipant().within(PARENT_NBF.minusSeconds(3600), NOW.plusSeconds(60));
        InviteSetup late = InviteSetup.forParticipant().within(NOW, PARENT_EXP.plusSeconds(1));

        assertRefused(() -> nanoMeet.createInvite(parent, early), CREATE_INVITE, "nbf",
                "nbf must be no earlier than the moderator token's nbf (2026-06-01T10:00:00Z)");
        assertRefused(() -> nanoMeet.createInvite(parent, late), CREATE_INVITE, "exp",
                "exp must be no later than the moderator token's exp (2026-06-02T10:00:00Z)");
    }

    @Test
    void createInviteRefusesExpiresBeforeNotBefore() {
        InviteSetup setup = InviteSetup.forParticipant().within(NOW.plusSeconds(7200), NOW.plusSeconds(3600));

        assertRefused(() -> nanoMeet.createInvite(signed(parentClaims().build()), setup), CREATE_INVITE, "exp",
                "exp must be after nbf (2026-06-01T12:15:30Z)");
    }

    @Test
    void createInviteStartingAfterTheParentsExpiryNamesItsNbf() {
        InviteSetup setup = InviteSetup.forParticipant().within(PARENT_EXP.plusSeconds(60), null);

        assertRefused(() -> nanoMeet.createInvite(signed(parentClaims().build()), setup), CREATE_INVITE, "nbf",
                "nbf must be before the moderator token's exp (2026-06-02T10:00:00Z)");
    }

    @Test
    void createInvitePastTheParentsExpirySaysSoBeforeTheYearLimit() {
        InviteSetup setup = InviteSetup.forParticipant().within(null, NOW.plus(Duration.ofDays(800)));

        assertRefused(() -> nanoMeet.createInvite(signed(parentClaims().build()), setup), CREATE_INVITE, "exp",
                "exp must be no later than the moderator token's exp (2026-06-02T10:00:00Z)");
    }

    @Test
    void createRoomWithAPastExpirySaysItMustBeInTheFuture() {
        assertRefused(() -> nanoMeet.createRoom(room().expires(NOW.minus(Duration.ofDays(1))).build()), CREATE_ROOM,
                "exp", "exp must be in the future (was 2026-05-31T10:15:30Z)");
    }

    @Test
    void startBroadcastRefusesARoomThatHasNotOpenedYet() {
        String early = signed(parentClaims().notBeforeTime(Date.from(NOW.plus(Duration.ofHours(1)))).build());

        assertRefused(() -> nanoMeet.startBroadcast(early, BroadcastSetup.live()), "start broadcast", "token",
                "token must be valid already (it is valid from 2026-06-01T11:15:30Z)");
    }

    @Test
    void asyncFormsFailTheStageWithoutCalling() {
        NanoMeet keyless = nanoMeet(NanoMeetSettings.defaults(" "), refusing(TokenServiceClient.class));
        String participant = signed(parentClaims().claim("moderator", false).build());

        assertRefusedAsync(() -> nanoMeet.createRoomAsync(null), CREATE_ROOM, "roomSetup");
        assertRefusedAsync(() -> nanoMeet.createRoomAsync(room().room("").build()), CREATE_ROOM, "room");
        assertRefusedAsync(() -> keyless.createRoomAsync(room().streamname(null).build()), CREATE_ROOM,
                "nanomeet.api-key");
        assertRefusedAsync(() -> nanoMeet.createInviteAsync(participant, null), CREATE_INVITE, "token");
        assertRefusedAsync(keyless::createStreamAsync, "create stream", "nanomeet.api-key");
        assertRefusedAsync(keyless::validateApiKeyAsync, "validate API key", "nanomeet.api-key");
    }

    @Test
    void createRoomAnswersTheRoomInWholeSecondsOnTheDefaultServer() {
        String token = signed(parentClaims().build());
        List<Object> sent = new ArrayList<>();
        NanoMeet answering = nanoMeet(NanoMeetSettings.defaults("test-key-123456"),
                answering("createRoomToken", sent, new TokenResponse(token)));

        Room room = answering.createRoom(room().build());

        assertThat(sent).as("API key and body sent").containsExactly("test-key-123456", new RoomTokenRequest(
                "2026-06-15T10:15:30Z", "2026-06-01T10:15:30Z", "town_hall", "stream-1", true,
                "nanomeet-eu.nanocosmos.de"));
        assertThat(room).as("room answered").isEqualTo(new Room(Instant.parse("2026-06-15T10:15:30Z"),
                Instant.parse("2026-06-01T10:15:30Z"), "town_hall", "nanomeet-eu.nanocosmos.de", "stream-1", true,
                token));
        assertThat(room.toString()).as("Room.toString()").doesNotContain(token).contains("token=eyJh…(");
    }

    @Test
    void createInviteAnswersTheInviteWithLinkAndKeepsTheTokenOutOfToString() {
        String parent = signed(parentClaims().build());
        String token = signed(parentClaims().claim("moderator", false).build());
        List<Object> sent = new ArrayList<>();
        NanoMeet answering = nanoMeet(NanoMeetSettings.defaults("test-key-123456"),
                answering("createInviteToken", sent, new TokenResponse(token)));

        Invite invite = answering.createInvite(parent, InviteSetup.forParticipant());

        assertThat(sent).as("moderator token and body sent")
                .containsExactly(parent, new InviteTokenRequest(false, "nanomeet-eu.nanocosmos.de", null, null));
        assertThat(invite).as("invite answered").isEqualTo(new Invite(false, token,
                NanoMeetSettings.DEFAULT_INVITE_PAGE + "?token=" + token, "town_hall", PARENT_NBF, PARENT_EXP));
        assertThat(invite.toString()).as("Invite.toString()").doesNotContain(token).contains("token=eyJh…(");
    }

    private NanoMeet nanoMeet(NanoMeetSettings settings, TokenServiceClient tokens) {
        return new NanoMeet(tokens, refusing(BintuClient.class), settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RoomSetup.Builder room() {
        return RoomSetup.builder().room("town_hall").streamname("stream-1");
    }

    private <T> T refusing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            calls.add(type.getSimpleName() + "." + method.getName());
            throw new AssertionError("refused input reached " + type.getSimpleName() + "." + method.getName());
        }));
    }

    private TokenServiceClient answering(String expectedMethod, List<Object> sent, TokenResponse answer) {
        return (TokenServiceClient) Proxy.newProxyInstance(TokenServiceClient.class.getClassLoader(),
                new Class<?>[] {TokenServiceClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals(expectedMethod)) {
                        throw new AssertionError("expected " + expectedMethod + " but " + method.getName()
                                + " was called");
                    }
                    sent.addAll(List.of(args));
                    return answer;
                });
    }

    private void assertRefused(ThrowingCallable call, String operation, String field, String message) {
        Throwable thrown = catchThrowable(call);

        assertThat(calls).as("remote calls made for refused input").isEmpty();
        assertThat(thrown).as("refusal of bad input").isExactlyInstanceOf(NanoMeetInvalidInputException.class);
        NanoMeetInvalidInputException refusal = (NanoMeetInvalidInputException) thrown;
        assertThat(refusal.operation()).as("operation").isEqualTo(operation);
        assertThat(refusal.field()).as("field named").isEqualTo(field);
        assertThat(refusal.getMessage()).as("message").isEqualTo(message);
    }

    private void assertRefusedAsync(Supplier<CompletionStage<?>> call, String operation, String field) {
        CompletableFuture<?> stage = call.get().toCompletableFuture();

        assertThat(stage).as("stage of refused input (%s)", field).isCompletedExceptionally();
        Throwable thrown = catchThrowable(stage::join);
        assertThat(thrown).as("join of a failed stage").isExactlyInstanceOf(CompletionException.class);
        assertRefused(() -> {
            throw thrown.getCause();
        }, operation, field, thrown.getCause().getMessage());
    }

    private static JWTClaimsSet.Builder parentClaims() {
        return new JWTClaimsSet.Builder().claim("room", "town_hall").claim("streamname", "stream-1")
                .claim("server", "nanomeet-eu.nanocosmos.de").subject("acme").claim("moderator", true)
                .notBeforeTime(Date.from(PARENT_NBF)).expirationTime(Date.from(PARENT_EXP));
    }

    private static String signed(JWTClaimsSet claims) {
        return TestTokens.signed(claims, key);
    }
}

package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.nanomeet.Invite;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.NanoMeetSettings;
import dev.nanomeet.NanoMeetUnauthorizedException;
import dev.nanomeet.NanoMeetUnavailableException;
import dev.nanomeet.Organisation;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.TestTokens;
import dev.nanomeet.TokenClaims;
import dev.nanomeet.client.BintuClient;
import dev.nanomeet.client.TokenServiceClient;

/**
 * The injected {@link NanoMeet} bean against the emulator, over real HTTP, checking every token's signature with the
 * emulator's JWK set.
 */
@ExtendWith(ArquillianExtension.class)
class NanoMeetIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.module(Map.of("nanomeet.token.keys-url", Deployments.BASE_URL + "/emulator/token/jwks"));
    }

    @Inject
    NanoMeet nanoMeet;

    @Test
    void aTokenTheIssuerDidNotSignIsRefusedBeforeAnyCall() {
        Instant now = Instant.now();
        String forged = TestTokens.signed(new JWTClaimsSet.Builder().subject("it-group").claim("room", "it_forged")
                .claim("streamname", "FORGE-00001").claim("server", "nanomeet-eu.nanocosmos.de")
                .claim("moderator", true).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600))).build());
        int calls = tokenServiceCalls();

        assertThatThrownBy(() -> nanoMeet.createInvite(forged, InviteSetup.forParticipant()))
                .isInstanceOf(NanoMeetInvalidInputException.class)
                .hasMessage("token must be signed by the token issuer (its signature does not verify)");
        assertThatThrownBy(() -> nanoMeet.embed(forged, null)).isInstanceOf(NanoMeetInvalidInputException.class)
                .hasMessage("token must be signed by the token issuer (its signature does not verify)");
        assertThat(nanoMeet.claims(nanoMeet.createRoom(RoomSetup.builder().room("it_signed").streamname("SIGNE-00001")
                .build()).token()).room()).as("the emulator's own tokens verify").isEqualTo("it_signed");
        assertThat(tokenServiceCalls()).as("only the room's call reached the token service").isEqualTo(calls + 1);
    }

    private static int tokenServiceCalls() {
        return Emulator.calls("/emulator/token/nanomeet");
    }

    @Test
    void roomKeepsTheSetupAndItsTokenSaysSo() {
        Instant notBefore = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Instant expires = notBefore.plus(2, ChronoUnit.HOURS);

        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_a").streamname("ABCDE-12345")
                .notBefore(notBefore).expires(expires).build());

        assertThat(room.room()).as("room").isEqualTo("it_room_a");
        assertThat(room.streamname()).as("streamname").isEqualTo("ABCDE-12345");
        assertThat(room.server()).as("the configured default server").isEqualTo("nanomeet-eu.nanocosmos.de");
        assertThat(room.moderator()).as("a room token is a moderator's by default").isTrue();
        assertThat(room.notBefore()).isEqualTo(notBefore);
        assertThat(room.expiration()).isEqualTo(expires);
        TokenClaims claims = nanoMeet.claims(room.token());
        assertThat(claims.room()).isEqualTo("it_room_a");
        assertThat(claims.streamname()).isEqualTo("ABCDE-12345");
        assertThat(claims.server()).isEqualTo("nanomeet-eu.nanocosmos.de");
        assertThat(claims.group()).as("the emulator's customer group").isEqualTo("emulator");
        assertThat(claims.moderator()).isTrue();
        assertThat(claims.notBefore()).isEqualTo(notBefore);
        assertThat(claims.expires()).isEqualTo(expires);
        assertThat(claims.meetingUrl()).isEqualTo("https://nanomeet-eu.nanocosmos.de/emulator/it_room_a");
        assertThat(room.toString()).as("toString never shows the token").doesNotContain(room.token());
    }

    @Test
    void roomWithoutStreamnameGetsANewStream() {
        int streamsBefore = Emulator.streams().size();

        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_stream").validity(Duration.ofHours(1))
                .build());

        assertThat(Emulator.streams()).as("one stream created").hasSize(streamsBefore + 1);
        String created = Emulator.streams().getJsonObject(streamsBefore).getJsonObject("ingest")
                .getJsonObject("rtmp").getString("streamname");
        assertThat(room.streamname()).as("the room carries the new stream's ingest name").isEqualTo(created);
        assertThat(Duration.between(room.notBefore(), room.expiration())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void defaultValidityIsFourteenDays() {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_default").streamname("DEFLT-00001").build());

        assertThat(Duration.between(room.notBefore(), room.expiration())).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void inviteKeepsParentValidityWhenNoneGiven() {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_invite").streamname("INVIT-00001")
                .validity(Duration.ofHours(3)).build());

        Invite invite = nanoMeet.createInvite(room.token(), InviteSetup.forParticipant());

        assertThat(invite.moderator()).isFalse();
        assertThat(invite.room()).isEqualTo("it_room_invite");
        assertThat(invite.notBefore()).as("parent's nbf").isEqualTo(room.notBefore());
        assertThat(invite.expires()).as("parent's exp").isEqualTo(room.expiration());
        assertThat(invite.inviteLink()).isEqualTo(NanoMeetSettings.DEFAULT_INVITE_PAGE + "?token=" + invite.token());
        TokenClaims claims = nanoMeet.claims(invite.token());
        assertThat(claims.moderator()).isFalse();
        assertThat(claims.streamname()).isEqualTo("INVIT-00001");
        assertThat(invite.toString()).doesNotContain(invite.token());
    }

    @Test
    void moderatorInviteGetsItsOwnWindowInsideTheParents() {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_window").streamname("WINDW-00001")
                .validity(Duration.ofHours(4)).build());
        Instant from = room.notBefore().plus(1, ChronoUnit.HOURS);
        Instant until = room.notBefore().plus(2, ChronoUnit.HOURS);

        Invite invite = nanoMeet.createInvite(room.token(), InviteSetup.forModerator().within(from, until));

        TokenClaims claims = nanoMeet.claims(invite.token());
        assertThat(claims.moderator()).isTrue();
        assertThat(claims.notBefore()).isEqualTo(from);
        assertThat(claims.expires()).isEqualTo(until);
    }

    @Test
    void inviteFromParticipantTokenIsRefusedBeforeAnyCall() {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_participant").streamname("PARTI-00001")
                .build());
        Invite participant = nanoMeet.createInvite(room.token(), InviteSetup.forParticipant());
        int calls = tokenServiceCalls();

        assertThatThrownBy(() -> nanoMeet.createInvite(participant.token(), InviteSetup.forParticipant()))
                .isInstanceOfSatisfying(NanoMeetInvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("token");
                    assertThat(e.operation()).isEqualTo("create invite token");
                });
        assertThat(tokenServiceCalls()).as("no call reached the service").isEqualTo(calls);
    }

    @Test
    void inviteOutsideParentWindowIsRefusedBeforeAnyCall() {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("it_room_outside").streamname("OUTSD-00001")
                .validity(Duration.ofHours(1)).build());
        int calls = tokenServiceCalls();

        assertThatThrownBy(() -> nanoMeet.createInvite(room.token(), InviteSetup.forParticipant()
                .within(room.notBefore(), room.expiration().plus(1, ChronoUnit.HOURS))))
                .isInstanceOfSatisfying(NanoMeetInvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("exp"));
        assertThat(tokenServiceCalls()).as("no call reached the service").isEqualTo(calls);
    }

    @Test
    void validateApiKeyAnswersTheOrganisation() {
        Organisation organisation = nanoMeet.validateApiKey();

        assertThat(organisation.name()).isEqualTo("nanoMeet emulator");
        assertThat(organisation.id()).isNotBlank();
    }

    @Test
    void unknownApiKeyIsUnauthorizedAndNotRepeated() {
        String wrongKey = "wrong-key-that-is-not-known";
        NanoMeet other = nanoMeet(wrongKey, Deployments.BASE_URL + "/emulator");

        assertThatThrownBy(() -> other.createRoom(RoomSetup.builder().room("it_room_key").streamname("KEYXX-00001")
                .build()))
                .isInstanceOfSatisfying(NanoMeetUnauthorizedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.operation()).isEqualTo("create room token");
                    assertThat(e.getMessage()).startsWith("Could not create room token: ").doesNotContain(wrongKey);
                });
        assertThatThrownBy(other::validateApiKey).isInstanceOf(NanoMeetUnauthorizedException.class)
                .hasMessageStartingWith("Could not validate API key: ");
    }

    @Test
    void unreachableServiceIsUnavailable() {
        NanoMeet other = nanoMeet(Deployments.API_KEY, "http://localhost:1/emulator");

        assertThatThrownBy(() -> other.createRoom(RoomSetup.builder().room("it_room_down").streamname("DOWNX-00001")
                .build()))
                .isInstanceOfSatisfying(NanoMeetUnavailableException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.operation()).isEqualTo("create room token");
                });
    }

    @Test
    void asynchronousFormsGiveTheSameResults() throws Exception {
        Room room = nanoMeet.createRoomAsync(RoomSetup.builder().room("it_room_async").validity(Duration.ofHours(2))
                .build()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        Invite invite = nanoMeet.createInviteAsync(room.token(), InviteSetup.forModerator())
                .toCompletableFuture().get(20, TimeUnit.SECONDS);
        Organisation organisation = nanoMeet.validateApiKeyAsync().toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertThat(room.streamname()).as("a stream was made first").isNotBlank();
        assertThat(nanoMeet.claims(invite.token()).moderator()).isTrue();
        assertThat(invite.expires()).isEqualTo(room.expiration());
        assertThat(organisation.name()).isEqualTo("nanoMeet emulator");
    }

    @Test
    void asynchronousFailuresAreTyped() {
        NanoMeet other = nanoMeet("wrong-key-that-is-not-known", Deployments.BASE_URL + "/emulator");

        assertThatThrownBy(() -> other.createRoomAsync(RoomSetup.builder().room("it_room_async_key")
                .streamname("ASYNC-00001").build()).toCompletableFuture().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(NanoMeetUnauthorizedException.class);
        assertThatThrownBy(() -> nanoMeet.createRoomAsync(RoomSetup.of("bad room")).toCompletableFuture().get())
                .cause().isInstanceOfSatisfying(NanoMeetInvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("room"));
    }

    private static NanoMeet nanoMeet(String apiKey, String emulatorUrl) {
        TokenServiceClient tokens = RestClientBuilder.newBuilder().baseUri(URI.create(emulatorUrl + "/token"))
                .connectTimeout(2, TimeUnit.SECONDS).build(TokenServiceClient.class);
        BintuClient bintu = RestClientBuilder.newBuilder().baseUri(URI.create(emulatorUrl + "/bintu"))
                .connectTimeout(2, TimeUnit.SECONDS).build(BintuClient.class);
        NanoMeetSettings defaults = NanoMeetSettings.defaults(apiKey);
        return new NanoMeet(tokens, bintu, defaults, Clock.systemUTC());
    }
}

package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetSettings;
import dev.nanomeet.TokenClaims;

/** The main job's route: meeting requests in the inbox become invitations in the outbox, or errors with reasons. */
@ExtendWith(ArquillianExtension.class)
class MeetingFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Inject
    NanoMeet nanoMeet;

    @Test
    void requestBecomesAnInvitationsFileWithTheHostFirst() throws Exception {
        Instant notBefore = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant expires = notBefore.plus(3, ChronoUnit.HOURS);
        String room = "town_hall_" + System.nanoTime();
        drop(room + ".json", "{\"room\": \"" + room + "\", \"server\": \"nanomeet-us.nanocosmos.de\", "
                + "\"notBefore\": \"" + notBefore + "\", \"expires\": \"" + expires + "\", \"host\": {\"name\": \"Ada\"},"
                + " \"participants\": [{\"name\": \"Bob\", \"role\": \"participant\"}, {\"name\": \"Cy\", \"role\":"
                + " \"moderator\"}]}");

        Path result = outbox().resolve(room + ".invitations.json");
        await().atMost(PATIENCE).until(() -> Files.exists(result));

        JsonObject file = (JsonObject) Emulator.parse(Files.readString(result));
        assertThat(file.getString("room")).isEqualTo(room);
        assertThat(file.getString("server")).isEqualTo("nanomeet-us.nanocosmos.de");
        assertThat(file.getString("streamname")).as("a stream was created").matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        JsonArray invitations = file.getJsonArray("invitations");
        assertThat(invitations).hasSize(3);
        assertInvitation(invitations.getJsonObject(0), room, "Ada", "moderator", notBefore, expires);
        assertInvitation(invitations.getJsonObject(1), room, "Bob", "participant", notBefore, expires);
        assertInvitation(invitations.getJsonObject(2), room, "Cy", "moderator", notBefore, expires);
        assertThat(inbox().resolve(".done/" + room + ".json")).as("the request is kept").exists();
    }

    @Test
    void badRequestLandsInTheErrorDirectoryWithItsReasonAndTheRouteGoesOn() throws Exception {
        drop("bad_role.json", "{\"room\": \"bad_role\", \"host\": {\"name\": \"Ada\"}, \"participants\": "
                + "[{\"name\": \"Bob\", \"role\": \"boss\"}]}");
        drop("not_json.json", "{\"room\": ");
        drop("empty.json", "");
        drop("after_bad.json", "{\"room\": \"after_bad\", \"validFor\": \"PT1H\", \"host\": {\"name\": \"Ada\"}}");

        Path reason = errors().resolve("bad_role.error.txt");
        await().atMost(PATIENCE).until(() -> Files.exists(reason) && Files.exists(errors().resolve("bad_role.json")));
        assertThat(Files.readString(reason)).contains("participants[0].role must be \"moderator\" or \"participant\"")
                .contains("field: participants[0].role");
        Path jsonReason = errors().resolve("not_json.error.txt");
        await().atMost(PATIENCE).until(() -> Files.exists(jsonReason));
        assertThat(Files.readString(jsonReason)).contains("request must be valid JSON");
        assertThat(errors().resolve("not_json.json")).as("nothing a user sent is lost").exists();
        await().atMost(PATIENCE).until(() -> Files.exists(errors().resolve("empty.error.txt")));
        assertThat(Files.readString(errors().resolve("empty.error.txt"))).contains("request must be a JSON object");

        Path after = outbox().resolve("after_bad.invitations.json");
        await().atMost(PATIENCE).until(() -> Files.exists(after));
        JsonObject file = (JsonObject) Emulator.parse(Files.readString(after));
        assertThat(file.getJsonArray("invitations")).as("the host alone").hasSize(1);
        assertThat(outbox().resolve("bad_role.invitations.json")).doesNotExist();
    }

    @Test
    void requestedBroadcastStartsAndStopsOnTimeAndItsFileFollows() throws Exception {
        String room = "cast_meeting_" + System.nanoTime();
        Files.deleteIfExists(outbox().resolve(room + ".broadcast.json"));
        drop(room + ".json", "{\"room\": \"" + room + "\", \"validFor\": \"PT1H\", \"host\": {\"name\": \"Ada\"}, "
                + "\"participants\": [{\"name\": \"Bob\"}], "
                + "\"broadcast\": {\"vod\": true, \"startAfter\": \"PT2S\", \"duration\": \"PT6S\"}}");
        Path file = outbox().resolve(room + ".broadcast.json");
        Path invitations = outbox().resolve(room + ".invitations.json");
        await().atMost(PATIENCE).until(() -> Files.exists(invitations));
        assertThat(((JsonObject) Emulator.parse(Files.readString(invitations))).getJsonArray("invitations"))
                .as("the host and the participant, broadcast or not").hasSize(2);

        await().atMost(PATIENCE).until(() -> state(file).equals("RUNNING"));
        JsonObject running = (JsonObject) Emulator.parse(Files.readString(file));
        String streamname = running.getString("streamname");
        assertThat(running.getString("live"))
                .isEqualTo("https://demo.nanocosmos.de/nanoplayer/release/nanoplayer.html?bintu.streamname=" + streamname);
        assertThat(running.getString("vod")).isEqualTo("https://bintu-vod.nanocosmos.de/vod/" + streamname + ".mp4");
        await().atMost(PATIENCE).until(() -> state(file).equals("STOPPED"));
        JsonObject stopped = (JsonObject) Emulator.parse(Files.readString(file));
        Instant startedAt = Instant.parse(stopped.getString("startedAt"));
        Instant stoppedAt = Instant.parse(stopped.getString("stoppedAt"));
        assertThat(Duration.between(startedAt, stoppedAt)).as("about the requested duration")
                .isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void restCallGetsTheInvitationsBackAndBadRequestsTheirField() {
        Emulator.Answer created = Emulator.post("/api/meetings", Map.of(), "{\"room\": \"rest_meeting\", "
                + "\"validFor\": \"PT1H\", \"host\": {\"name\": \"Ada\"}, \"participants\": [{\"name\": \"Bob\"}]}");
        Emulator.Answer refused = Emulator.post("/api/meetings", Map.of(), "{\"room\": \"rest bad\", "
                + "\"host\": {\"name\": \"Ada\"}}");
        Emulator.Answer openApi = Emulator.get(URI.create("http://localhost:9080/openapi"));

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonArray invitations = created.json().getJsonArray("invitations");
        assertThat(invitations).hasSize(2);
        assertThat(invitations.getJsonObject(1).getString("role")).isEqualTo("participant");
        assertThat(nanoMeet.claims(token(invitations.getJsonObject(1))).room()).isEqualTo("rest_meeting");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("field")).isEqualTo("room");
        assertThat(refused.json().getString("message")).startsWith("room must be");
        assertThat(openApi.body()).contains("/api/meetings:").contains("/api/pages/rooms:").contains("/nanomeet-it")
                .doesNotContain("/emulator/")
                .contains("Create a meeting");
    }

    private static String token(JsonObject invitation) {
        String link = invitation.getString("inviteLink");
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }

    private static String state(Path broadcastFile) throws Exception {
        if (!Files.exists(broadcastFile)) {
            return "";
        }
        return ((JsonObject) Emulator.parse(Files.readString(broadcastFile))).getString("state");
    }

    private void assertInvitation(JsonObject invitation, String room, String name, String role, Instant notBefore,
            Instant expires) {
        assertThat(invitation.getString("name")).isEqualTo(name);
        assertThat(invitation.getString("role")).as(name + "'s role").isEqualTo(role);
        assertThat(Instant.parse(invitation.getString("notBefore"))).isEqualTo(notBefore);
        assertThat(Instant.parse(invitation.getString("expires"))).isEqualTo(expires);
        String link = invitation.getString("inviteLink");
        assertThat(link).startsWith(NanoMeetSettings.DEFAULT_INVITE_PAGE + "?token=");
        TokenClaims claims = nanoMeet.claims(link.substring(link.indexOf("?token=") + "?token=".length()));
        assertThat(claims.room()).isEqualTo(room);
        assertThat(claims.moderator()).as(name + " is a moderator").isEqualTo("moderator".equals(role));
        assertThat(claims.notBefore()).isEqualTo(notBefore);
        assertThat(claims.expires()).isEqualTo(expires);
    }

    /** Puts a request into the inbox whole, clearing what an earlier run left under that name. */
    private static void drop(String name, String json) throws Exception {
        String base = name.substring(0, name.length() - ".json".length());
        for (Path old : new Path[] {errors().resolve(name), errors().resolve(base + ".error.txt"),
                outbox().resolve(base + ".invitations.json")}) {
            Files.deleteIfExists(old);
        }
        Files.createDirectories(inbox());
        Path temp = inbox().resolve("." + name + ".tmp");
        Files.writeString(temp, json);
        Files.move(temp, inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path inbox() {
        return directory("nanomeet.meetings.inbox");
    }

    private static Path outbox() {
        return directory("nanomeet.meetings.outbox");
    }

    private static Path errors() {
        return directory("nanomeet.meetings.error");
    }

    /** The directories as the application sees them (the server runs in a folder of its own). */
    private static Path directory(String key) {
        return Path.of(ConfigProvider.getConfig().getValue(key, String.class));
    }
}

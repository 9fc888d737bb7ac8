package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job's schedules survive a restart: a second Open Liberty server (port 9181) runs the built WAR with the
 * emulator; broadcasts requested before it is stopped run once after it is back, the one whose start passed
 * while it was down included.
 */
class ScheduleRestartIT {

    private static final SecondServer SERVER = new SecondServer("nanomeet-restart", 9181);

    @BeforeAll
    static void createServer() throws Exception {
        SERVER.create();
    }

    @AfterAll
    static void stopServer() throws Exception {
        SERVER.stop();
    }

    @Test
    void schedulesMadeBeforeARestartRunOnceAfterIt() throws Exception {
        SERVER.start();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant missedStart = t0.plusSeconds(15);
        Instant laterStart = t0.plusSeconds(55);
        Instant stop = t0.plusSeconds(80);
        drop("missed_while_down", missedStart, stop);
        drop("after_restart", laterStart, stop);
        await().atMost(Duration.ofSeconds(20)).until(() -> state("missed_while_down").equals("SCHEDULED")
                && state("after_restart").equals("SCHEDULED"));

        SERVER.stop();
        assertThat(Instant.now()).as("stopped before the first start").isBefore(missedStart);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), missedStart.plusSeconds(2)).toMillis()));
        SERVER.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> state("missed_while_down").equals("RUNNING"));
        assertThat(Instant.now()).as("the missed start ran when the server was back").isBefore(laterStart);
        await().atMost(Duration.ofSeconds(60)).until(() -> state("after_restart").equals("RUNNING"));
        JsonArray recorders = json(SERVER.get("/nanomeet/emulator/admin/recorders")).asJsonArray();
        int sessions = recorders.stream().mapToInt(r -> r.asJsonObject().getInt("sessions")).sum();
        assertThat(sessions).as("each scheduled start ran once after the restart").isEqualTo(2);
        assertThat(SERVER.readiness()).contains("\"nanomeet-schedule\"");
    }

    private static void drop(String room, Instant start, Instant stop) throws IOException {
        Path inbox = SERVER.home().resolve("meetings/inbox");
        Files.createDirectories(inbox);
        Path temp = inbox.resolve("." + room + ".tmp");
        Files.writeString(temp, "{\"room\": \"" + room + "\", \"validFor\": \"PT1H\", \"host\": {\"name\": \"Ada\"}, "
                + "\"broadcast\": {\"start\": \"" + start + "\", \"stop\": \"" + stop + "\"}}");
        Files.move(temp, inbox.resolve(room + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String state(String room) throws IOException {
        Path file = SERVER.home().resolve("meetings/outbox/" + room + ".broadcast.json");
        if (!Files.exists(file)) {
            return "";
        }
        return json(Files.readString(file)).asJsonObject().getString("state", "");
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}

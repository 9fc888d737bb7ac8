package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The main job's schedules survive a restart: a second Open Liberty server (port 9181) runs the built WAR with the
 * emulator; broadcasts requested before it is stopped run once after it is back, the one whose start passed
 * while it was down included.
 */
class ScheduleRestartIT {

    private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
    private static final String SERVER = "nanomeet-restart";
    private static final Path SERVER_DIR = WLP.resolve("usr/servers/" + SERVER);
    private static final Path HOME = Path.of("target/restart-home").toAbsolutePath();
    private static final String BASE = "http://localhost:9181";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void createServer() throws Exception {
        deleteTree(SERVER_DIR);
        deleteTree(HOME);
        Files.createDirectories(SERVER_DIR.resolve("configDropins/overrides"));
        Files.createDirectories(SERVER_DIR.resolve("dropins"));
        Files.createDirectories(HOME.resolve("camel-routes"));
        Files.copy(Path.of("liberty/config/server.xml"), SERVER_DIR.resolve("server.xml"));
        Files.copy(Path.of("target/nanomeet.war"), SERVER_DIR.resolve("dropins/nanomeet.war"));
        Files.copy(Path.of("camel-routes/meeting-requests.yaml"), HOME.resolve("camel-routes/meeting-requests.yaml"));
        Files.writeString(SERVER_DIR.resolve("configDropins/overrides/restart.xml"), """
                <server>
                    <variable name="http.port" value="9181"/>
                    <variable name="https.port" value="9444"/>
                    <variable name="nanomeet.home" value="%s"/>
                    <variable name="nanomeet.server.lib" value="%s"/>
                    <variable name="nanomeet.meetings.sample" value="false"/>
                </server>
                """.formatted(HOME, Path.of("target/server-lib").toAbsolutePath()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server("stop");
    }

    @Test
    void schedulesMadeBeforeARestartRunOnceAfterIt() throws Exception {
        start();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant missedStart = t0.plusSeconds(15);
        Instant laterStart = t0.plusSeconds(55);
        Instant stop = t0.plusSeconds(80);
        drop("missed_while_down", missedStart, stop);
        drop("after_restart", laterStart, stop);
        await().atMost(Duration.ofSeconds(20)).until(() -> state("missed_while_down").equals("SCHEDULED")
                && state("after_restart").equals("SCHEDULED"));

        server("stop");
        assertThat(Instant.now()).as("stopped before the first start").isBefore(missedStart);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), missedStart.plusSeconds(2)).toMillis()));
        start();

        await().atMost(Duration.ofSeconds(30)).until(() -> state("missed_while_down").equals("RUNNING"));
        assertThat(Instant.now()).as("the missed start ran when the server was back").isBefore(laterStart);
        await().atMost(Duration.ofSeconds(60)).until(() -> state("after_restart").equals("RUNNING"));
        JsonArray recorders = json(get("/nanomeet/emulator/admin/recorders")).asJsonArray();
        int sessions = recorders.stream().mapToInt(r -> r.asJsonObject().getInt("sessions")).sum();
        assertThat(sessions).as("each scheduled start ran once after the restart").isEqualTo(2);
        assertThat(readiness()).contains("\"nanomeet-schedule\"");
    }

    private static void drop(String room, Instant start, Instant stop) throws IOException {
        Path inbox = HOME.resolve("meetings/inbox");
        Files.createDirectories(inbox);
        Path temp = inbox.resolve("." + room + ".tmp");
        Files.writeString(temp, "{\"room\": \"" + room + "\", \"validFor\": \"PT1H\", \"host\": {\"name\": \"Ada\"}, "
                + "\"broadcast\": {\"start\": \"" + start + "\", \"stop\": \"" + stop + "\"}}");
        Files.move(temp, inbox.resolve(room + ".json"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String state(String room) throws IOException {
        Path file = HOME.resolve("meetings/outbox/" + room + ".broadcast.json");
        if (!Files.exists(file)) {
            return "";
        }
        return json(Files.readString(file)).asJsonObject().getString("state", "");
    }

    private static void start() throws Exception {
        server("start");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> readiness().contains("\"status\":\"UP\""));
    }

    private static String readiness() {
        try {
            return get("/health/ready");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String get(String path) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static jakarta.json.JsonValue json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static void server(String action) throws Exception {
        Process process = new ProcessBuilder(List.of(WLP.resolve("bin/server").toString(), action, SERVER))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/" + SERVER + "-" + action + ".log").toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + SERVER + " did not finish");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

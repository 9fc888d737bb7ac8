package dev.nanomeet;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An Open Liberty server of the tests' own, next to the Arquillian one: the built WAR with the emulator, the
 * project's routes and server configuration, on a port of its own, started and stopped by its {@code server} script.
 */
final class SecondServer {

    private static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path dir;
    private final Path home;
    private final boolean withModule;

    SecondServer(String name, int port) {
        this(name, port, true);
    }

    /** A server with the project's configuration; without the module, it has the same features and no application. */
    SecondServer(String name, int port, boolean withModule) {
        this.name = name;
        this.port = port;
        this.withModule = withModule;
        this.dir = WLP.resolve("usr/servers/" + name);
        this.home = Path.of("target/" + name + "-home").toAbsolutePath();
    }

    /** Lays the server out anew: configuration, WAR, routes, and a home for its meeting directories. */
    SecondServer create() throws IOException {
        deleteTree(dir);
        deleteTree(home);
        Files.createDirectories(dir.resolve("configDropins/overrides"));
        Files.createDirectories(dir.resolve("dropins"));
        Files.createDirectories(home.resolve("camel-routes"));
        Files.copy(Path.of("liberty/config/server.xml"), dir.resolve("server.xml"));
        if (withModule) {
            Files.copy(Path.of("target/nanomeet.war"), dir.resolve("dropins/nanomeet.war"));
        }
        try (Stream<Path> routes = Files.list(Path.of("camel-routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, home.resolve("camel-routes").resolve(route.getFileName()));
            }
        }
        Files.writeString(dir.resolve("configDropins/overrides/test.xml"), """
                <server>
                    <variable name="http.port" value="%d"/>
                    <variable name="https.port" value="%d"/>
                    <variable name="nanomeet.home" value="%s"/>
                    <variable name="nanomeet.server.lib" value="%s"/>
                    <variable name="nanomeet.meetings.sample" value="false"/>
                </server>
                """.formatted(port, port + 1000, home, Path.of("target/server-lib").toAbsolutePath()));
        return this;
    }

    /** Starts the server and waits until its readiness is UP. */
    void start() throws Exception {
        run("start");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> readiness().contains("\"status\":\"UP\""));
    }

    void stop() throws Exception {
        run("stop");
    }

    /** Where the server keeps its meeting directories. */
    Path home() {
        return home;
    }

    /** The server's base URL, {@code http://localhost:<port>}. */
    String url() {
        return "http://localhost:" + port;
    }

    String readiness() {
        try {
            return get("/health/ready");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    String get(String path) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void run(String action) throws Exception {
        Process process = new ProcessBuilder(List.of(WLP.resolve("bin/server").toString(), action, name))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/" + name + "-" + action + ".log").toFile())
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + action + " " + name + " did not finish");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/**
 * Start to ready: the module's server (readiness UP, which waits for the routes) against the same Liberty with the
 * same features and no application, alternated. Writes {@code target/bench/boot-cases.json}; {@code ModuleBench} adds
 * it to the results.
 */
class BootBench {

    static final Path RESULT = Path.of("target/bench/boot-cases.json").toAbsolutePath();
    private static final int ROUNDS = 3;

    @Test
    void startToRoutesReady() throws Exception {
        SecondServer module = new SecondServer("nanomeet-boot", 9183, true);
        SecondServer bare = new SecondServer("nanomeet-bare", 9185, false);
        List<Double> moduleSeconds = new ArrayList<>();
        List<Double> bareSeconds = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            bareSeconds.add(startSeconds(bare, "\"status\":\"UP\""));
            moduleSeconds.add(startSeconds(module, "\"nanomeet-camel\""));
        }

        double value = median(moduleSeconds);
        double raw = median(bareSeconds);
        Files.createDirectories(RESULT.getParent());
        Files.writeString(RESULT, Json.createArrayBuilder()
                .add(BenchCase.of("start-to-routes-ready", "s", value, raw, false)).build().toString());
        System.out.printf("Start to ready: module %s s, bare server %s s (median of %d)%n", moduleSeconds,
                bareSeconds, ROUNDS);
    }

    /**
     * A cold start of a freshly laid out server until its readiness is UP (with the module: the services, the
     * schedule and the routes); the server is stopped after.
     */
    private static double startSeconds(SecondServer server, String readyWith) throws Exception {
        server.create();
        long started = System.nanoTime();
        server.start();
        double seconds = (System.nanoTime() - started) / 1e9;
        String readiness = server.readiness();
        server.stop();
        assertThat(readiness).as("readiness after the start").contains(readyWith);
        return seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}

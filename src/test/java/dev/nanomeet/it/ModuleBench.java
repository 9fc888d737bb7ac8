package dev.nanomeet.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.BenchCase;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.camel.NanoMeetConstants;

/**
 * What the module costs over a bare HTTP call: the bean and the Camel route against the same emulator endpoint
 * as a plain {@code java.net.http.HttpClient}, alternated in one run. {@code mvn -Pbench verify} runs it (and nothing
 * else), writes {@code target/bench/results.json} and prints the table.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleBench {

    private static final Path RESULTS = Deployments.PROJECT.resolve("target/bench/results.json");
    private static final Duration ROUND = Duration.ofSeconds(3);

    @Deployment
    static WebArchive deployment() {
        return Deployments.module(Map.of("nanomeet.bench.results", RESULTS.toString()));
    }

    @Inject
    NanoMeet nanoMeet;

    @Inject
    CamelContext camel;

    @Inject
    @ConfigProperty(name = "nanomeet.bench.results")
    String results;

    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<JsonObject> cases = new ArrayList<>();

    @Test
    @Order(1)
    void measure() throws Exception {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("bench_room").streamname("BENCH-00001")
                .validity(Duration.ofHours(3)).build());
        Callable<Object> bean = () -> nanoMeet.createInvite(room.token(), InviteSetup.forParticipant());
        Callable<Object> bare = () -> rawInvite(room.token());
        long heapWarm = heapMiB();

        for (int callers : new int[] {1, 16, 64}) {
            Run[] value = {null};
            Run[] base = {null};
            for (int round = 0; round < 2; round++) {
                base[0] = better(base[0], run(bare, callers, ROUND));
                value[0] = better(value[0], run(bean, callers, ROUND));
            }
            add("bean-throughput-c" + callers, "calls/s", value[0].throughput(), base[0].throughput(), true);
            add("bean-latency-p50-c" + callers, "ms", value[0].percentile(50), base[0].percentile(50), false);
            add("bean-latency-p99-c" + callers, "ms", value[0].percentile(99), base[0].percentile(99), false);
        }

        List<String> names = IntStream.range(0, 1000).mapToObj(i -> "guest_" + i).toList();
        double rawParallel = time(() -> parallel(bare, 1000, 10));
        double routeParallel = time(() -> camel.createProducerTemplate().requestBodyAndHeader("direct:invite-many",
                names, NanoMeetConstants.TOKEN, room.token()));
        add("route-1000-invites-parallel", "ms", routeParallel, rawParallel, false);
        double rawSequential = time(() -> parallel(bare, 1000, 1));
        double routeSequential = time(() -> {
            var template = camel.createProducerTemplate();
            for (int i = 0; i < 1000; i++) {
                template.requestBodyAndHeader("nanomeet:createInvite", null, NanoMeetConstants.TOKEN, room.token());
            }
            return null;
        });
        add("route-1000-invites-sequential", "ms", routeSequential, rawSequential, false);

        parallel(bean, 100_000, 64);
        add("heap-after-100000-calls", "MiB", heapMiB(), heapWarm, false);

        write();
    }

    @Test
    @Order(2)
    @RunAsClient
    void printTable() throws IOException {
        JsonObject written;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(RESULTS))) {
            written = reader.readObject();
        }
        StringBuilder table = new StringBuilder("\n| case | unit | module | raw | ratio |\n|---|---|---|---|---|\n");
        for (JsonObject row : written.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            table.append(String.format("| %s | %s | %.1f | %.1f | %.2f |%n", row.getString("name"),
                    row.getString("unit"), row.getJsonNumber("value").doubleValue(),
                    row.getJsonNumber("raw").doubleValue(), row.getJsonNumber("ratio").doubleValue()));
        }
        System.out.println("Benchmark on " + written.getJsonObject("machine") + table);
    }

    private Object rawInvite(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Deployments.BASE_URL + "/emulator/token/nanomeet"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-BINTU-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"moderator\":false,\"server\":\"nanomeet-eu.nanocosmos.de\"}"))
                .build();
        HttpResponse<String> response = raw.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("raw invite answered " + response.statusCode());
        }
        return response.body();
    }

    /** Calls as often as it can from {@code callers} threads for a while; every latency is kept. */
    private static Run run(Callable<Object> call, int callers, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicBoolean stop = new AtomicBoolean();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong calls = new AtomicLong();
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            running.add(pool.submit(() -> {
                while (!stop.get()) {
                    long t = System.nanoTime();
                    call.call();
                    latencies.add(System.nanoTime() - t);
                    calls.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Future<?> future : running) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Run(calls.get() / seconds, latencies);
    }

    private static Object parallel(Callable<Object> call, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            for (Future<Object> future : futures) {
                future.get();
            }
            return null;
        } finally {
            pool.shutdown();
        }
    }

    private static double time(Callable<Object> work) throws Exception {
        long started = System.nanoTime();
        work.call();
        return (System.nanoTime() - started) / 1e6;
    }

    private static Run better(Run a, Run b) {
        return a == null || b.throughput() > a.throughput() ? b : a;
    }

    private static long heapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    /** A case: ratio above 1 is better than raw (value/raw for throughput, raw/value for times and sizes). */
    private void add(String name, String unit, double value, double rawValue, boolean higherIsBetter) {
        cases.add(BenchCase.of(name, unit, value, rawValue, higherIsBetter));
    }

    private void write() throws IOException {
        JsonObjectBuilder machine = Json.createObjectBuilder()
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20)
                .add("java", System.getProperty("java.version"))
                .add("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        JsonArrayBuilder rows = Json.createArrayBuilder();
        cases.forEach(rows::add);
        Files.createDirectories(Path.of(results).getParent());
        Path file = Path.of(results);
        try (DirectoryStream<Path> others = Files.newDirectoryStream(file.getParent(), "*-cases.json")) {
            // The cases of the benches that ran before in their own JVM: BootBench and ClaimsBench.
            for (Path other : others) {
                try (JsonReader reader = Json.createReader(Files.newBufferedReader(other))) {
                    reader.readArray().forEach(rows::add);
                }
            }
        }
        Files.writeString(file, Json.createObjectBuilder().add("machine", machine).add("cases", rows).build()
                .toString());
    }


    /** The outcome of a run: its throughput and every call's latency in nanoseconds. */
    record Run(double throughput, List<Long> latencies) {

        double percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
        }
    }
}

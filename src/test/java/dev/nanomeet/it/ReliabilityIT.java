package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.BroadcastSettings;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetException;
import dev.nanomeet.NanoMeetSettings;
import dev.nanomeet.NanoMeetTimeoutException;
import dev.nanomeet.NanoMeetUnavailableException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.ServiceStatus;
import dev.nanomeet.client.BintuClient;
import dev.nanomeet.client.RetryPolicy;
import dev.nanomeet.client.TokenServiceClient;

/** Timeouts, retries, circuit breakers and readiness, against faults the emulator injects over real HTTP. */
@ExtendWith(ArquillianExtension.class)
class ReliabilityIT {

    private static final String EMULATOR = Deployments.BASE_URL + "/emulator";

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Inject
    NanoMeet nanoMeet;

    @AfterEach
    void clearFaults() {
        Emulator.post("/emulator/admin/reset", Map.of(), "{}");
    }

    @Test
    void stalledServiceFailsWithinTheReadTimeoutAsTimeout() {
        fault("token", "{\"latencyMillis\": 30000}");
        NanoMeet impatient = nanoMeet(2_000, RetryPolicy.defaults());

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.createRoom(setup("rel_timeout")))
                .isInstanceOfSatisfying(NanoMeetTimeoutException.class,
                        e -> assertThat(e.operation()).isEqualTo("create room token"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("about the read timeout, not 30 s")
                .isLessThan(Duration.ofSeconds(6));

        long asyncStarted = System.nanoTime();
        assertThatThrownBy(() -> impatient.createRoomAsync(setup("rel_timeout_async")).toCompletableFuture()
                .get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NanoMeetTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - asyncStarted)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void transientFailuresOfSafeCallsAreRetried() {
        fault("token", "{\"status\": 503, \"failTimes\": 2}");
        int before = Emulator.calls("/emulator/token/nanomeet");

        Room room = nanoMeet.createRoom(setup("rel_retry"));

        assertThat(room.room()).isEqualTo("rel_retry");
        assertThat(Emulator.calls("/emulator/token/nanomeet") - before).as("two failures, then the success").isEqualTo(3);
    }

    @Test
    void retryAfterIsWaitedFor() {
        fault("token", "{\"status\": 429, \"retryAfterSeconds\": 1, \"failTimes\": 1}");

        Instant started = Instant.now();
        nanoMeet.createRoom(setup("rel_retry_after"));

        assertThat(Duration.between(started, Instant.now())).as("waited at least Retry-After")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void creatingAStreamIsNotRetriedAndSaysWhetherItMayHaveReachedTheService() {
        fault("stream", "{\"status\": 503, \"failTimes\": 1}");
        int before = Emulator.calls("/emulator/bintu/stream");

        assertThatThrownBy(() -> nanoMeet.createStream()).isInstanceOfSatisfying(NanoMeetUnavailableException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(Emulator.calls("/emulator/bintu/stream") - before).as("one attempt only").isEqualTo(1);

        fault("stream", "{\"closeConnection\": true}");
        assertThatThrownBy(() -> nanoMeet.createStream()).isInstanceOf(NanoMeetException.class)
                .hasMessageContaining("may have reached the service");
    }

    @Test
    void malformedAnswersAreTypedFailures() {
        fault("token", "{\"malformedJson\": true}");

        assertThatThrownBy(() -> nanoMeet.createRoom(setup("rel_malformed"))).isInstanceOfSatisfying(
                NanoMeetException.class, e -> assertThat(e.operation()).isEqualTo("create room token"));
    }

    @Test
    void circuitOpensOnADeadServiceAndFailsFast() throws Exception {
        fault("token", "{\"status\": 500}");
        RetryPolicy quick = new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(1),
                Duration.ofSeconds(5), Duration.ofSeconds(1), 4, 0.5, Duration.ofSeconds(2));
        NanoMeet guarded = nanoMeet(5_000, quick);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guarded.createRoom(setup("rel_breaker"))).isInstanceOf(NanoMeetException.class);
        }
        int before = Emulator.calls("/emulator/token/nanomeet");

        long started = System.nanoTime();
        assertThatThrownBy(() -> guarded.createRoom(setup("rel_breaker")))
                .isInstanceOf(NanoMeetUnavailableException.class).hasMessageContaining("circuit open");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused at once")
                .isLessThan(Duration.ofMillis(200));
        assertThat(Emulator.calls("/emulator/token/nanomeet")).as("nothing reached the service").isEqualTo(before);
        assertThat(guarded.serviceStatus().tokenCircuit()).isEqualTo("OPEN");

        Emulator.post("/emulator/admin/reset", Map.of(), "{}");
        Thread.sleep(2_200);
        assertThat(guarded.createRoom(setup("rel_breaker")).room()).as("a trial call closes it again")
                .isEqualTo("rel_breaker");
        assertThat(guarded.serviceStatus().tokenCircuit()).isEqualTo("CLOSED");
    }

    @Test
    void readinessNamesTheUnreachableServiceWithoutSecrets() {
        Emulator.Answer up = Emulator.get(URI.create("http://localhost:9080/health/ready"));
        assertThat(up.body()).contains("\"nanomeet-services\"").contains("accepted");

        fault("token", "{\"status\": 503}");
        Emulator.Answer down = Emulator.get(URI.create("http://localhost:9080/health/ready"));

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("unreachable").doesNotContain(Deployments.API_KEY);
    }

    @Test
    void refusedApiKeyMakesTheServicesNotReadyAndSaysSo() {
        NanoMeet wrongKey = new NanoMeet(client(TokenServiceClient.class, "/token", 2_000),
                client(BintuClient.class, "/bintu", 2_000), NanoMeetSettings.defaults("refused-key-0000000"),
                Clock.systemUTC());

        ServiceStatus status = wrongKey.serviceStatus();

        assertThat(status.ready()).isFalse();
        assertThat(status.tokenService()).isEqualTo("reachable");
        assertThat(status.apiKey()).isEqualTo("refused");
        assertThat(status.toString()).doesNotContain("refused-key-0000000");
    }

    private static <T> T client(Class<T> type, String path, long readTimeoutMillis) {
        return RestClientBuilder.newBuilder().baseUri(URI.create(EMULATOR + path))
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS).build(type);
    }

    private static void fault(String endpoint, String body) {
        Emulator.Answer answer = Emulator.post("/emulator/admin/faults/" + endpoint, Map.of(), body);
        assertThat(answer.status()).as("fault " + endpoint + ": " + answer.body()).isBetween(200, 204);
    }

    private static RoomSetup setup(String room) {
        return RoomSetup.builder().room(room).streamname("RELIA-00001").validity(Duration.ofHours(1)).build();
    }

    private static NanoMeet nanoMeet(long readTimeoutMillis, RetryPolicy policy) {
        TokenServiceClient tokens = client(TokenServiceClient.class, "/token", readTimeoutMillis);
        BintuClient bintu = client(BintuClient.class, "/bintu", readTimeoutMillis);
        return new NanoMeet(tokens, bintu, Map.of(), NanoMeetSettings.defaults(Deployments.API_KEY),
                BroadcastSettings.defaults(), policy, Clock.systemUTC());
    }
}

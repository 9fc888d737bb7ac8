package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.Invite;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.camel.NanoMeetConstants;

/**
 * Many callers at once through the bean and through a Camel endpoint, while 30 % of the token service's answers
 * fail transiently: no request is lost or duplicated, every failure is typed, and heap, threads and open files
 * are back where they were. {@code mvn verify} runs a short load; {@code -Pload} the full one (200 callers, 60 s).
 */
@ExtendWith(ArquillianExtension.class)
class LoadIT {

    private static final Logger LOG = Logger.getLogger(LoadIT.class.getName());

    /** The connections the module's REST clients pool: they stay open, idle, after the load. */
    private static final int POOL = 50;
    /** Open files beyond those that may come and go without a leak. */
    private static final int SLACK = 40;

    @Deployment
    static WebArchive deployment() {
        return Deployments.module(Map.of(
                "nanomeet.load.callers", System.getProperty("nanomeet.load.callers", "16"),
                "nanomeet.load.seconds", System.getProperty("nanomeet.load.seconds", "5"),
                "nanomeet.http.max-connections", String.valueOf(POOL)));
    }

    @Inject
    NanoMeet nanoMeet;

    @Inject
    CamelContext camel;

    @Inject
    @ConfigProperty(name = "nanomeet.load.callers")
    int callers;

    @Inject
    @ConfigProperty(name = "nanomeet.load.seconds")
    int seconds;

    @AfterEach
    void clearFaults() {
        Emulator.post("/emulator/admin/reset", Map.of(), "{}");
    }

    @Test
    void loadWithTransientFailuresLosesAndDuplicatesNothing() throws Exception {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room("load_room").streamname("LOADX-00001")
                .validity(Duration.ofHours(1)).build());
        Footprint before = Footprint.now();
        int issuedBefore = issuedTokens();
        Emulator.post("/emulator/admin/faults/token", Map.of(), "{\"status\": 503, \"failureRate\": 0.3, \"seed\": 7}");

        AtomicInteger succeeded = new AtomicInteger();
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Throwable> untyped = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(seconds);
        CountDownLatch done = new CountDownLatch(callers);
        ProducerTemplate template = camel.createProducerTemplate();
        for (int i = 0; i < callers; i++) {
            boolean viaCamel = i % 2 == 1;
            Thread caller = new Thread(() -> {
                try {
                    while (Instant.now().isBefore(deadline)) {
                        try {
                            Invite invite = viaCamel
                                    ? template.requestBodyAndHeader("nanomeet:createInvite", null,
                                            NanoMeetConstants.TOKEN, room.token(), Invite.class)
                                    : nanoMeet.createInvite(room.token(), InviteSetup.forParticipant());
                            assertThat(invite.token()).isNotBlank();
                            succeeded.incrementAndGet();
                        } catch (NanoMeetException e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        } catch (CamelExecutionException e) {
                            if (e.getCause() instanceof NanoMeetException typed) {
                                failures.computeIfAbsent(typed.getClass().getSimpleName(), k -> new AtomicInteger())
                                        .incrementAndGet();
                            } else {
                                synchronized (untyped) {
                                    untyped.add(e);
                                }
                            }
                        } catch (RuntimeException | AssertionError e) {
                            synchronized (untyped) {
                                untyped.add(e);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-caller-" + i);
            caller.start();
        }
        done.await();
        template.stop();
        Emulator.delete("/emulator/admin/faults");

        int issued = issuedTokens() - issuedBefore;
        Footprint after = Footprint.settled(before);
        LOG.info(String.format("Load: %d callers for %d s: %d invites, failures %s; heap %d -> %d MiB, threads %d -> %d,"
                + " open files %d -> %d", callers, seconds, succeeded.get(), failures, before.heapMiB(),
                after.heapMiB(), before.threads(), after.threads(), before.openFiles(), after.openFiles()));
        assertThat(untyped).as("failures that are not the module's typed exceptions").isEmpty();
        assertThat(succeeded.get()).as("calls went through").isPositive();
        assertThat(issued).as("every success issued exactly one token: none lost, none duplicated")
                .isEqualTo(succeeded.get());
        assertThat(after.threads()).as("threads back").isLessThanOrEqualTo(before.threads() + 10);
        assertThat(after.heapMiB()).as("heap back").isLessThanOrEqualTo(before.heapMiB() + 128);
        assertThat(after.openFiles()).as("open files and sockets back, but for the token service's idle pooled "
                + "connections (each two sockets here: the client's and the emulator's)")
                .isLessThanOrEqualTo(before.openFiles() + SLACK + 2 * POOL);
    }

    private static int issuedTokens() {
        return Emulator.get("/emulator/admin/stats", Map.of()).json().getInt("tokensIssued");
    }

    /** Heap after a collection, live threads and open file descriptors of the server. */
    record Footprint(long heapMiB, int threads, int openFiles) {

        static Footprint now() {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            String[] fds = new File("/proc/self/fd").list();
            return new Footprint(used, ManagementFactory.getThreadMXBean().getThreadCount(), fds == null ? 0 : fds.length);
        }

        /** The footprint once idle threads and connections had time to go. */
        static Footprint settled(Footprint before) throws InterruptedException {
            Footprint now = now();
            for (int i = 0; i < 20 && (now.threads() > before.threads() + 10
                    || now.openFiles() > before.openFiles() + SLACK + 2 * POOL); i++) {
                Thread.sleep(1_000);
                now = now();
            }
            return now;
        }
    }
}

package dev.nanomeet.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The faults in force, at most one per endpoint, and the drawing of the calls they fault. Each fault has its own
 * generator seeded with its seed, so that the same sequence of calls is faulted alike on every run.
 */
@ApplicationScoped
public class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class.getName());

    private final Map<FaultEndpoint, Armed> armed = new ConcurrentHashMap<>();

    /**
     * A fault in force: the calls that reached its endpoint since it was set, how many of them it faulted, and how
     * many it will still fault when failTimes limits it (else null).
     */
    public record InForce(FaultEndpoint endpoint, Fault fault, int calls, int faulted, Integer remainingTimes) {
    }

    /** A fault drawn for one call; its latency ends early when the fault is cleared or replaced. */
    public record Draw(Fault fault, CountDownLatch cleared) {

        /** Waits out the latency, or less when the fault is cleared meanwhile; interruptible. */
        public void awaitLatency() throws InterruptedException {
            if (!fault.latency().isZero()) {
                cleared.await(fault.latency().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Sets the fault of the endpoint, replacing the one in force with fresh counts and generator; answers it. */
    public InForce set(FaultEndpoint endpoint, Fault fault) {
        Armed next = new Armed(endpoint, fault);
        release(armed.put(endpoint, next));
        LOG.info(() -> "nanoMeet emulator injects " + fault.kind().wireName() + " faults into " + endpoint.wireName()
                + ": " + fault);
        return next.inForce();
    }

    /** Clears the fault of the endpoint, if any. */
    public void clear(FaultEndpoint endpoint) {
        Armed cleared = armed.remove(endpoint);
        if (cleared != null) {
            release(cleared);
            LOG.info(() -> "nanoMeet emulator no longer injects faults into " + endpoint.wireName());
        }
    }

    /** Clears every fault. */
    public void reset() {
        for (FaultEndpoint endpoint : FaultEndpoint.values()) {
            clear(endpoint);
        }
    }

    /** The faults in force, in the order of {@link FaultEndpoint}. */
    public List<InForce> inForce() {
        List<InForce> all = new ArrayList<>();
        for (FaultEndpoint endpoint : FaultEndpoint.values()) {
            Armed fault = armed.get(endpoint);
            if (fault != null) {
                all.add(fault.inForce());
            }
        }
        return all;
    }

    /** Counts a call to the endpoint and answers the fault it gets, or empty when it is to be answered normally. */
    public Optional<Draw> draw(FaultEndpoint endpoint) {
        Armed fault = armed.get(endpoint);
        return fault == null ? Optional.empty() : fault.draw();
    }

    private static void release(Armed replaced) {
        if (replaced != null) {
            replaced.cleared.countDown();
        }
    }

    /** A fault with the state of its drawing. */
    private static final class Armed {

        private final FaultEndpoint endpoint;
        private final Fault fault;
        private final Random random;
        private final CountDownLatch cleared = new CountDownLatch(1);
        private Integer remainingTimes;
        private int calls;
        private int faulted;

        Armed(FaultEndpoint endpoint, Fault fault) {
            this.endpoint = endpoint;
            this.fault = fault;
            this.random = new Random(fault.seed());
            this.remainingTimes = fault.failTimes();
        }

        synchronized Optional<Draw> draw() {
            calls++;
            if (remainingTimes != null && remainingTimes == 0) {
                return Optional.empty();
            }
            if (fault.failureRate() < 1.0 && random.nextDouble() >= fault.failureRate()) {
                return Optional.empty();
            }
            faulted++;
            if (remainingTimes != null) {
                remainingTimes--;
            }
            return Optional.of(new Draw(fault, cleared));
        }

        synchronized InForce inForce() {
            return new InForce(endpoint, fault, calls, faulted, remainingTimes);
        }
    }
}

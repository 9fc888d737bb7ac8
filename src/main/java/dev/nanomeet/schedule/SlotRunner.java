package dev.nanomeet.schedule;

import java.time.Clock;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.nanomeet.Broadcast;
import dev.nanomeet.BroadcastSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetException;

/**
 * Runs a slot once: claims it in the store, then starts or stops the broadcast. A start whose stop has passed is
 * missed, not run. Each run is announced as a CDI event of {@link SlotRun}.
 */
@ApplicationScoped
public class SlotRunner {

    private static final Logger LOG = Logger.getLogger(SlotRunner.class.getName());

    @Inject
    NanoMeet nanoMeet;

    @Inject
    SlotStore store;

    @Inject
    Event<SlotRun> runs;

    private final Clock clock = Clock.systemUTC();

    /** Runs the slot unless it ran before; failures are recorded, then rethrown. */
    public SlotRun run(Slot slot) {
        if (!store.claim(slot)) {
            LOG.info(() -> "Schedule slot " + slot.kind() + " of room " + slot.room() + " ran before: skipped");
            return null;
        }
        SlotRun run;
        try {
            run = slot.kind() == Slot.Kind.START ? start(slot) : stop(slot);
        } catch (NanoMeetException e) {
            store.finish(slot, SlotRun.State.FAILED, null, e.getMessage());
            runs.fire(new SlotRun(slot.key(), slot.meetingId(), slot.room(), slot.kind(), SlotRun.State.FAILED, null,
                    clock.instant(), e.getMessage()));
            throw e;
        }
        store.finish(slot, run.state(), run.recorder(), run.detail());
        runs.fire(run);
        return run;
    }

    private SlotRun start(Slot slot) {
        if (!clock.instant().isBefore(slot.stop())) {
            String detail = "the start at " + slot.start() + " was missed: its stop at " + slot.stop() + " has passed";
            LOG.warning(() -> "Broadcast of room " + slot.room() + ": " + detail);
            return new SlotRun(slot.key(), slot.meetingId(), slot.room(), slot.kind(), SlotRun.State.MISSED, null,
                    clock.instant(), detail);
        }
        Broadcast broadcast = nanoMeet.startBroadcast(slot.moderatorToken(), new BroadcastSetup(slot.vod(), null));
        LOG.info(() -> "Scheduled broadcast of room " + slot.room() + " started on " + broadcast.recorder());
        return new SlotRun(slot.key(), slot.meetingId(), slot.room(), slot.kind(), SlotRun.State.DONE, broadcast.recorder(),
                clock.instant(), broadcast.state().name());
    }

    private SlotRun stop(Slot slot) {
        String recorder = store.startRecorder(slot.meetingId()).orElse(null);
        Broadcast broadcast = nanoMeet.stopBroadcast(slot.moderatorToken(), recorder);
        LOG.info(() -> "Scheduled broadcast of room " + slot.room() + " stopped (" + broadcast.state() + ")");
        return new SlotRun(slot.key(), slot.meetingId(), slot.room(), slot.kind(), SlotRun.State.DONE, broadcast.recorder(),
                clock.instant(), broadcast.state().name());
    }
}

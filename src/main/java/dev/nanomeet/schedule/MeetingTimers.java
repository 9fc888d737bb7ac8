package dev.nanomeet.schedule;

import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

/**
 * The persistent timers of scheduled meetings, one per slot, kept by the server in its database: they survive a
 * restart, and a timer whose instant passed while the server was down fires when it is back.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MeetingTimers {

    private static final Logger LOG = Logger.getLogger(MeetingTimers.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    SlotRunner runner;

    /** A persistent timer for the slot, at its instant. */
    public void create(Slot slot) {
        timerService.createSingleActionTimer(Date.from(slot.at()), new TimerConfig(slot, true));
        LOG.fine(() -> "Timer for " + slot.kind() + " of room " + slot.room() + " at " + slot.at());
    }

    /** The slots still to run, of every meeting. */
    public List<Slot> pending() {
        return timerService.getTimers().stream()
                .map(MeetingTimers::slotOf)
                .filter(slot -> slot != null)
                .toList();
    }

    /** Cancels the pending slots of a meeting; answers how many there were. */
    public int cancel(String meetingId) {
        int cancelled = 0;
        for (Timer timer : timerService.getTimers()) {
            Slot slot = slotOf(timer);
            if (slot != null && slot.meetingId().equals(meetingId)) {
                timer.cancel();
                cancelled++;
            }
        }
        return cancelled;
    }

    /** Runs a slot. Nothing it throws escapes: a failing slot is recorded and logged, and later timers still fire. */
    @Timeout
    void fire(Timer timer) {
        Slot slot = slotOf(timer);
        if (slot == null) {
            LOG.warning(() -> "A timer without a schedule slot fired and was ignored");
            return;
        }
        try {
            runner.run(slot);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Schedule slot " + slot.kind() + " of room " + slot.room() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static Slot slotOf(Timer timer) {
        try {
            return timer.getInfo() instanceof Slot slot ? slot : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

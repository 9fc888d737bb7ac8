package dev.nanomeet.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One emulated Jitsi Jibri recorder. Its state is derived from timestamps on each read rather than driven by timers:
 * a session accepted at t is BUSY from t plus its start delay and, when it fails, ends by itself its failure delay
 * later. Every method takes the current instant, so that the same times always give the same state.
 */
public final class JibriRecorder {

    private final int index;

    private Settings settings = Settings.DEFAULTS;
    private Session session;
    private Instant stoppedAt;
    private boolean expired;
    private int sessions;

    /** What the health endpoint tells of a recorder. */
    public enum BusyStatus {
        IDLE, BUSY, EXPIRED
    }

    /**
     * How a recorder behaves: the start delay, the failure delay after it became busy (null: it runs until stopped),
     * whether it expires after one session and whether its health has the older shape.
     */
    public record Settings(Duration startDelay, Duration failAfter, boolean singleUse, boolean legacyHealth) {

        /** The settings at the start and after a reset. */
        public static final Settings DEFAULTS = new Settings(Duration.ofMillis(300), null, false, false);
    }

    /** What a start request asks: the session, the meeting, the recorder's login and the full RTMP URL. */
    public record Start(String sessionId, String callUrl, String username, String streamUrl) {

        /** Shows the RTMP URL masked, since its last part is the stream's key. */
        @Override
        public String toString() {
            return "Start[sessionId=" + sessionId + ", callUrl=" + callUrl + ", username=" + username
                    + ", streamUrl=" + EmulatorState.mask(streamUrl) + "]";
        }
    }

    /** A session the recorder accepted, with the settings it was accepted under. */
    public record Session(Start start, Instant acceptedAt, Settings settings) {

        /** When the session becomes BUSY. */
        public Instant busyAt() {
            return acceptedAt.plus(settings.startDelay());
        }

        /** When the session fails by itself, or null when it runs until stopped. */
        public Instant failsAt() {
            return settings.failAfter() == null ? null : busyAt().plus(settings.failAfter());
        }
    }

    /**
     * A recorder at one instant: its status, its current or last session (null when none since the start or the
     * last reset), when that session became busy and when it ended (each null when not yet), how many sessions it
     * accepted, and the settings for its next sessions.
     */
    public record Snapshot(int index, BusyStatus busyStatus, Session session, Instant startedAt, Instant stoppedAt,
            int sessions, Settings settings) {
    }

    /** A recorder with the default settings and no session. */
    public JibriRecorder(int index) {
        this.index = index;
    }

    /** The recorder's number in its pool. */
    public int index() {
        return index;
    }

    /** Accepts a session, which becomes BUSY after the start delay; refuses with 412 unless the recorder is idle. */
    public synchronized void start(Start start, Instant now) {
        settle(now);
        if (expired) {
            throw EmulatorFault.preconditionFailed("recorder " + index + " must be idle to start session "
                    + start.sessionId() + ", but it is expired: it is single-use and ran session "
                    + session.start().sessionId());
        }
        if (running()) {
            String state = now.isBefore(session.busyAt()) ? "starting" : "busy with";
            throw EmulatorFault.preconditionFailed("recorder " + index + " must be idle to start session "
                    + start.sessionId() + ", but it is " + state + " session " + session.start().sessionId());
        }

        session = new Session(start, now, settings);
        stoppedAt = null;
        sessions++;
    }

    /** Ends the session that is starting or running, if any, and answers whether there was one. */
    public synchronized boolean stop(Instant now) {
        settle(now);
        if (!running()) {
            return false;
        }
        end(now);
        return true;
    }

    /** Changes the settings for the sessions accepted from now on; the legacy health shape applies at once. */
    public synchronized Snapshot configure(UnaryOperator<Settings> change, Instant now) {
        settings = change.apply(settings);
        return snapshot(now);
    }

    /** The recorder as it is at the given instant. */
    public synchronized Snapshot snapshot(Instant now) {
        settle(now);
        BusyStatus status;
        if (expired) {
            status = BusyStatus.EXPIRED;
        } else if (running() && !now.isBefore(session.busyAt())) {
            status = BusyStatus.BUSY;
        } else {
            status = BusyStatus.IDLE;
        }
        return new Snapshot(index, status, session, startedAt(now), stoppedAt, sessions, settings);
    }

    /** Forgets the session and the count and restores the default settings, ending a single-use expiry. */
    public synchronized void reset() {
        settings = Settings.DEFAULTS;
        session = null;
        stoppedAt = null;
        expired = false;
        sessions = 0;
    }

    private boolean running() {
        return session != null && stoppedAt == null;
    }

    private void settle(Instant now) {
        if (running()) {
            Instant failsAt = session.failsAt();
            if (failsAt != null && !now.isBefore(failsAt)) {
                end(failsAt);
            }
        }
    }

    private void end(Instant at) {
        stoppedAt = at;
        if (session.settings().singleUse()) {
            expired = true;
        }
    }

    private Instant startedAt(Instant now) {
        if (session == null) {
            return null;
        }
        Instant until = stoppedAt == null ? now : stoppedAt;
        return until.isBefore(session.busyAt()) ? null : session.busyAt();
    }
}

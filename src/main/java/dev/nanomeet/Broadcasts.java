package dev.nanomeet;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.nanomeet.client.JibriClient;
import dev.nanomeet.client.RecorderHealth;
import dev.nanomeet.client.RetryPolicy;
import dev.nanomeet.client.ServiceGuard;
import dev.nanomeet.client.ServiceGuard.Repeat;
import dev.nanomeet.client.StartServiceRequest;

/**
 * The recorder pool and the broadcasts it runs: which recorder streams which room, and in which state. States move
 * only on what the recorders' health says, read when a status is asked for or the broadcasts are refreshed.
 */
final class Broadcasts {

    static final String START = "start broadcast";
    static final String STOP = "stop broadcast";
    static final String HEALTH = "read recorder health";

    private static final Logger LOG = Logger.getLogger(Broadcasts.class.getName());

    private final Map<String, JibriClient> recorders;
    private final Map<String, ServiceGuard> guards = new LinkedHashMap<>();
    private final BroadcastSettings settings;
    private final Clock clock;
    private final Map<String, Broadcast> byRoom = new ConcurrentHashMap<>();
    private final List<Consumer<BroadcastChange>> listeners = new CopyOnWriteArrayList<>();

    Broadcasts(Map<URI, JibriClient> recorders, BroadcastSettings settings, RetryPolicy policy, CallObserver observer,
            Clock clock) {
        this.recorders = new LinkedHashMap<>();
        recorders.forEach((url, client) -> {
            this.recorders.put(url.toString(), client);
            this.guards.put(url.toString(), new ServiceGuard("recorder " + url, policy, observer));
        });
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the room's broadcast on an idle recorder: the first whose health says idle and that accepts. */
    synchronized Broadcast start(TokenClaims room, BroadcastSetup setup) {
        Broadcast running = byRoom.get(room.room());
        if (running != null && running.state().active()) {
            throw new NanoMeetConflictException(START, "room " + room.room() + " is already broadcasting (stop it "
                    + "first)");
        }
        StartServiceRequest request = request(room, setup);
        List<String> candidates = candidates(setup);

        int busy = 0;
        String lastReason = null;
        for (String url : candidates) {
            JibriClient recorder = recorders.get(url);
            RecorderHealth health;
            try {
                health = RecorderHealth.read(guards.get(url).call(HEALTH, Repeat.SAFE, recorder::health));
            } catch (NanoMeetUnavailableException | NanoMeetTimeoutException e) {
                LOG.warning(() -> "Recorder " + url + " could not be asked for its health: " + e.getMessage());
                lastReason = url + ": " + e.serviceMessage();
                continue;
            }
            if (!health.idle() || runsOurs(url)) {
                busy++;
                lastReason = url + " is " + health.status().name().toLowerCase();
                continue;
            }
            try {
                guards.get(url).call(START, Repeat.UNSAFE, () -> {
                    recorder.startService(request);
                    return null;
                });
            } catch (NanoMeetBusyException e) {
                busy++;
                lastReason = url + " refused: " + e.serviceMessage();
                continue;
            }
            return accepted(room, setup, request, url);
        }
        String reason = busy == candidates.size()
                ? "all " + candidates.size() + " recorders are busy (" + lastReason + ")"
                : "no recorder could take it (" + lastReason + ")";
        if (busy > 0) {
            throw new NanoMeetBusyException(START, 0, reason, null);
        }
        throw new NanoMeetUnavailableException(START, 0, reason, null);
    }

    /**
     * Stops the room's broadcast; a room that is not broadcasting is left as it is and says so. A broadcast this
     * module no longer remembers (it was started before a restart) is stopped on {@code recorderHint} when given.
     */
    Broadcast stop(String room, String recorderHint) {
        Broadcast current = byRoom.get(room);
        if (current == null && recorderHint != null && recorders.containsKey(recorderHint)) {
            LOG.info(() -> "Stop of room " + room + " on " + recorderHint + ", which it was started on before");
            guards.get(recorderHint).call(STOP, Repeat.SAFE, () -> {
                recorders.get(recorderHint).stopService();
                return null;
            });
            return new Broadcast(room, null, false, null, null, null, recorderHint, null, BroadcastState.STOPPED,
                    null, null, clock.instant(), null);
        }
        if (current == null) {
            LOG.fine(() -> "Stop of room " + room + ": it is not broadcasting");
            return Broadcast.none(room);
        }
        if (!current.state().active()) {
            return current;
        }
        JibriClient recorder = recorders.get(current.recorder());
        guards.get(current.recorder()).call(STOP, Repeat.SAFE, () -> {
            recorder.stopService();
            return null;
        });
        return move(current, BroadcastState.STOPPED, null);
    }

    /** The room's broadcast, its state read from its recorder now. */
    Broadcast status(String room) {
        Broadcast current = byRoom.get(room);
        if (current == null) {
            return Broadcast.none(room);
        }
        return current.state().active() ? refresh(current) : current;
    }

    /** Reads the health of every recorder that runs an active broadcast; listeners hear each change. */
    List<Broadcast> refresh() {
        List<Broadcast> active = new ArrayList<>();
        for (Broadcast broadcast : byRoom.values()) {
            if (broadcast.state().active()) {
                Broadcast now = refresh(broadcast);
                if (now.state().active()) {
                    active.add(now);
                }
            }
        }
        return active;
    }

    /** The broadcasts that run or are about to, without asking the recorders. */
    List<Broadcast> active() {
        return byRoom.values().stream().filter(b -> b.state().active()).toList();
    }

    /** Registers a listener of state changes; the answer removes it. */
    Runnable listen(Consumer<BroadcastChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The base URLs of the pool, in order. */
    List<String> recorderUrls() {
        return List.copyOf(recorders.keySet());
    }

    private Broadcast refresh(Broadcast broadcast) {
        RecorderHealth health;
        try {
            health = RecorderHealth.read(guards.get(broadcast.recorder()).call(HEALTH, Repeat.SAFE,
                    recorders.get(broadcast.recorder())::health));
        } catch (NanoMeetException e) {
            LOG.log(Level.WARNING, "Recorder {0} of room {1} did not answer its health: {2}",
                    new Object[] {broadcast.recorder(), broadcast.room(), e.getMessage()});
            return broadcast;
        }
        Instant now = clock.instant();
        if (broadcast.state() == BroadcastState.ACCEPTED && health.busy()) {
            return move(broadcast, BroadcastState.RUNNING, null);
        }
        if (broadcast.state() == BroadcastState.ACCEPTED
                && now.isAfter(broadcast.acceptedAt().plus(settings.startDeadline()))) {
            return move(broadcast, BroadcastState.FAILED, "the recorder did not start streaming within "
                    + settings.startDeadline());
        }
        if (broadcast.state() == BroadcastState.RUNNING && !health.busy()) {
            return move(broadcast, BroadcastState.FAILED, "the recorder stopped streaming on its own (it is "
                    + health.status().name().toLowerCase() + ")");
        }
        return broadcast;
    }

    private Broadcast move(Broadcast from, BroadcastState to, String reason) {
        Broadcast next = from.in(to, clock.instant(), reason);
        if (!byRoom.replace(from.room(), from, next)) {
            return byRoom.get(from.room());
        }
        LOG.info(() -> "Broadcast of room " + from.room() + " on " + from.recorder() + ": " + from.state() + " -> "
                + to + (reason == null ? "" : " (" + reason + ")"));
        fire(new BroadcastChange(from.room(), from.state(), to, from.recorder(), next));
        return next;
    }

    private Broadcast accepted(TokenClaims room, BroadcastSetup setup, StartServiceRequest request, String url) {
        String streamname = room.streamname();
        Broadcast broadcast = new Broadcast(room.room(), streamname, setup.vod(), request.youTubeStreamKey(),
                settings.livePlayout() + streamname, setup.vod() ? settings.vodPlayout() + streamname + ".mp4" : null,
                url, request.sessionId(), BroadcastState.ACCEPTED, clock.instant(), null, null, null);
        Broadcast before = byRoom.put(room.room(), broadcast);
        LOG.info(() -> "Broadcast of room " + room.room() + " accepted by " + url + (setup.vod() ? ", recorded" : ""));
        fire(new BroadcastChange(room.room(), before == null ? BroadcastState.NONE : before.state(),
                BroadcastState.ACCEPTED, url, broadcast));
        return broadcast;
    }

    private void fire(BroadcastChange change) {
        for (Consumer<BroadcastChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A broadcast listener failed on " + change.room() + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean runsOurs(String url) {
        return byRoom.values().stream().anyMatch(b -> b.state().active() && url.equals(b.recorder()));
    }

    private List<String> candidates(BroadcastSetup setup) {
        if (recorders.isEmpty()) {
            throw new NanoMeetInvalidInputException(START, "nanomeet.recorders",
                    "set to the base URLs of the recorders to broadcast with");
        }
        if (setup.recorder() == null) {
            return List.copyOf(recorders.keySet());
        }
        String wanted = setup.recorder().endsWith("/")
                ? setup.recorder().substring(0, setup.recorder().length() - 1) : setup.recorder();
        if (!recorders.containsKey(wanted)) {
            throw new NanoMeetInvalidInputException(START, "recorder", "one of nanomeet.recorders "
                    + recorders.keySet());
        }
        return List.of(wanted);
    }

    private StartServiceRequest request(TokenClaims room, BroadcastSetup setup) {
        if (settings.loginUsername() == null || settings.loginPassword() == null) {
            throw new NanoMeetInvalidInputException(START, "nanomeet.recorder.login.username",
                    "set, with nanomeet.recorder.login.password: recorders need their hidden login to stream");
        }
        String domain = settings.loginDomain() != null ? settings.loginDomain() : "recorder." + room.server();
        String ingest = settings.ingest() + "/" + (setup.vod() ? "rec" : "live") + "/" + room.streamname();
        return new StartServiceRequest(UUID.randomUUID().toString(),
                new StartServiceRequest.CallParams(new StartServiceRequest.CallUrlInfo(
                        "https://" + room.server() + "/" + room.group(), room.room())),
                new StartServiceRequest.CallLoginParams(domain, settings.loginUsername(), settings.loginPassword()),
                StartServiceRequest.STREAM, ingest);
    }
}

package dev.nanomeet.emulator;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * What the emulator did, how its recorders behave and which faults it injects, for tests and the demo; its own calls
 * are not logged.
 */
@Path("admin")
@ApplicationScoped
public class AdminResource {

    private static final String FAIL_AFTER_SECONDS = "failAfterSeconds";
    private static final String LEGACY_HEALTH = "legacyHealth";
    private static final String SINGLE_USE = "singleUse";
    private static final String START_DELAY_MILLIS = "startDelayMillis";
    private static final Set<String> SETTINGS = Set.of(FAIL_AFTER_SECONDS, LEGACY_HEALTH, SINGLE_USE,
            START_DELAY_MILLIS);

    @Inject
    EmulatorState state;

    @Inject
    JibriRecorders recorders;

    @Inject
    Faults faults;

    /** {@code GET /admin/tokens}: each issued token's kind, decoded claims and masked form, oldest first. */
    @GET
    @Path("tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray tokens() {
        EmulatorState.requireEnabled();
        JsonArrayBuilder tokens = Json.createArrayBuilder();
        for (EmulatorState.IssuedToken token : state.tokens()) {
            tokens.add(Json.createObjectBuilder()
                    .add("kind", token.kind().wireName())
                    .add("claims", token.claims())
                    .add("token", token.maskedToken())
                    .add("issuedAt", token.issuedAt().toString()));
        }
        return tokens.build();
    }

    /** {@code GET /admin/stats}: how many tokens, streams and calls there were (the lists keep only the latest). */
    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject stats() {
        EmulatorState.requireEnabled();
        JsonObjectBuilder stats = Json.createObjectBuilder();
        state.counts().forEach(stats::add);
        return stats.build();
    }

    /** {@code GET /admin/streams}: the stream answers made, oldest first. */
    @GET
    @Path("streams")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray streams() {
        EmulatorState.requireEnabled();
        return Json.createArrayBuilder(state.streams()).build();
    }

    /**
     * {@code GET /admin/calls}: the token, bintu and Jibri calls answered, refused and faulted ones included, oldest
     * first; {@code fault} names the kind of fault injected or is null; {@code status} is 0 for a broken connection.
     */
    @GET
    @Path("calls")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray calls() {
        EmulatorState.requireEnabled();
        JsonArrayBuilder calls = Json.createArrayBuilder();
        for (EmulatorState.Call call : state.calls()) {
            calls.add(Json.createObjectBuilder()
                    .add("method", call.method())
                    .add("path", call.path())
                    .add("status", call.status())
                    .add("fault", call.fault() == null ? JsonValue.NULL : Json.createValue(call.fault().wireName()))
                    .add("at", call.at().toString()));
        }
        return calls.build();
    }

    /**
     * {@code GET /admin/recorders}: each Jibri recorder's status, its current or last session with the full RTMP URL
     * it streams to (never its password), and its settings, in order of number.
     */
    @GET
    @Path("recorders")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray recorders() {
        EmulatorState.requireEnabled();
        Instant now = recorders.now();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (JibriRecorder recorder : recorders.all()) {
            all.add(json(recorder.snapshot(now)));
        }
        return all.build();
    }

    /** {@code GET /admin/recorders/{n}}: one recorder as {@link #recorders()} shows it; 404 for an unknown one. */
    @GET
    @Path("recorders/{recorder}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject recorder(@PathParam("recorder") String number) {
        EmulatorState.requireEnabled();
        return json(recorders.recorder(number).snapshot(recorders.now()));
    }

    /**
     * {@code POST /admin/recorders/{n}}: changes any of failAfterSeconds (null: never fails), legacyHealth, singleUse
     * and startDelayMillis for the sessions the recorder accepts from now on (the health shape at once); answers the
     * recorder. A field of another name gets 400, so that a misspelt one is not ignored.
     */
    @POST
    @Path("recorders/{recorder}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject configure(@PathParam("recorder") String number, @Context HttpHeaders headers,
            InputStream body) {
        EmulatorState.requireEnabled();
        JibriRecorder recorder = recorders.recorder(number);
        RequestBody request = RequestBody.read(headers.getMediaType(), body);
        request.requireOnly(SETTINGS);

        boolean failAfterGiven = request.has(FAIL_AFTER_SECONDS);
        Optional<Duration> failAfter = request.optionalInt(FAIL_AFTER_SECONDS, 0).map(Duration::ofSeconds);
        Optional<Boolean> legacyHealth = request.optionalBool(LEGACY_HEALTH);
        Optional<Boolean> singleUse = request.optionalBool(SINGLE_USE);
        Optional<Duration> startDelay = request.optionalInt(START_DELAY_MILLIS, 0).map(Duration::ofMillis);

        return json(recorder.configure(current -> new JibriRecorder.Settings(
                startDelay.orElse(current.startDelay()),
                failAfterGiven ? failAfter.orElse(null) : current.failAfter(),
                singleUse.orElse(current.singleUse()),
                legacyHealth.orElse(current.legacyHealth())), recorders.now()));
    }

    /** {@code GET /admin/faults}: the faults in force, each with its endpoint and counts, in the order of endpoints. */
    @GET
    @Path("faults")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray faults() {
        EmulatorState.requireEnabled();
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Faults.InForce fault : faults.inForce()) {
            all.add(json(fault));
        }
        return all.build();
    }

    /**
     * {@code POST /admin/faults/{endpoint}}: sets the fault of the endpoint (token, organisation, stream, jibri-health,
     * jibri-start or jibri-stop), replacing the one in force, and answers it; 404 for an unknown endpoint, 400 for a
     * body {@link Fault#read} refuses.
     */
    @POST
    @Path("faults/{endpoint}")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject setFault(@PathParam("endpoint") String name, @Context HttpHeaders headers, InputStream body) {
        EmulatorState.requireEnabled();
        FaultEndpoint endpoint = FaultEndpoint.named(name);
        Fault fault = Fault.read(RequestBody.read(headers.getMediaType(), body));
        return json(faults.set(endpoint, fault));
    }

    /** {@code DELETE /admin/faults/{endpoint}}: clears the fault of the endpoint, if any; answers 204. */
    @DELETE
    @Path("faults/{endpoint}")
    public void clearFault(@PathParam("endpoint") String name) {
        EmulatorState.requireEnabled();
        faults.clear(FaultEndpoint.named(name));
    }

    /** {@code DELETE /admin/faults}: clears every fault; answers 204. */
    @DELETE
    @Path("faults")
    public void clearFaults() {
        EmulatorState.requireEnabled();
        faults.reset();
    }

    /**
     * {@code POST /admin/reset}: forgets tokens, streams and calls, keeping the key pair, ends every recorder's session
     * and restores its defaults, and clears every fault; answers 204.
     */
    @POST
    @Path("reset")
    public void reset() {
        EmulatorState.requireEnabled();
        state.reset();
        recorders.reset();
        faults.reset();
    }

    private static JsonObject json(Faults.InForce inForce) {
        Fault fault = inForce.fault();
        Long retryAfterSeconds = fault.retryAfter() == null ? null : fault.retryAfter().toSeconds();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("endpoint", inForce.endpoint().wireName())
                .add("kind", fault.kind().wireName())
                .add(Fault.LATENCY_MILLIS, fault.latency().toMillis());
        addNumberOrNull(json, Fault.STATUS, fault.status());
        addNumberOrNull(json, Fault.RETRY_AFTER_SECONDS, retryAfterSeconds);
        json.add(Fault.CLOSE_CONNECTION, fault.kind() == Fault.Kind.CLOSE_CONNECTION)
                .add(Fault.MALFORMED_JSON, fault.kind() == Fault.Kind.MALFORMED_JSON)
                .add(Fault.FAILURE_RATE, fault.failureRate())
                .add(Fault.SEED, fault.seed());
        addNumberOrNull(json, Fault.FAIL_TIMES, fault.failTimes());
        addNumberOrNull(json, "remainingTimes", inForce.remainingTimes());
        return json
                .add("calls", inForce.calls())
                .add("faulted", inForce.faulted())
                .build();
    }

    private static JsonObject json(JibriRecorder.Snapshot recorder) {
        JibriRecorder.Session session = recorder.session();
        JibriRecorder.Start start = session == null ? null : session.start();
        JibriRecorder.Settings settings = recorder.settings();

        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("index", recorder.index())
                .add("busyStatus", recorder.busyStatus().name());
        addOrNull(json, "sessionId", start == null ? null : start.sessionId());
        addOrNull(json, "callUrl", start == null ? null : start.callUrl());
        addOrNull(json, "streamingTo", start == null ? null : start.streamUrl());
        addOrNull(json, "username", start == null ? null : start.username());
        addOrNull(json, "acceptedAt", session == null ? null : session.acceptedAt());
        addOrNull(json, "startedAt", recorder.startedAt());
        addOrNull(json, "stoppedAt", recorder.stoppedAt());
        json.add("sessions", recorder.sessions());
        if (settings.failAfter() == null) {
            json.addNull(FAIL_AFTER_SECONDS);
        } else {
            json.add(FAIL_AFTER_SECONDS, settings.failAfter().toSeconds());
        }
        return json
                .add(LEGACY_HEALTH, settings.legacyHealth())
                .add(SINGLE_USE, settings.singleUse())
                .add(START_DELAY_MILLIS, settings.startDelay().toMillis())
                .build();
    }

    private static void addOrNull(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    private static void addNumberOrNull(JsonObjectBuilder json, String name, Number value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.longValue());
        }
    }
}

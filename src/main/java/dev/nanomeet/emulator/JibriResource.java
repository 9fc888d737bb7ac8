package dev.nanomeet.emulator;

import java.io.InputStream;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The Jitsi Jibri HTTP API of each recorder of the pool: a recorder's base URL is {@code .../emulator/jibri/<n>}, below
 * which it answers {@code jibri/api/v1.0/health}, {@code startService} and {@code stopService} as Jibri does.
 */
@Path("jibri/{recorder}")
@ApplicationScoped
public class JibriResource {

    /** The path of the Jibri HTTP API below a recorder's base URL. */
    public static final String API = "jibri/api/v1.0";
    /** The only sink the emulator streams to. */
    public static final String SINK_TYPE = "stream";

    private static final Logger LOG = Logger.getLogger(JibriResource.class.getName());

    @Inject
    JibriRecorders recorders;

    /** {@code GET health}: always 200, with the current shape or, when the recorder is set so, the older one. */
    @GET
    @Path(API + "/health")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject health(@PathParam("recorder") String number) {
        EmulatorState.requireEnabled();
        JibriRecorder.Snapshot recorder = recorders.recorder(number).snapshot(recorders.now());

        if (recorder.settings().legacyHealth()) {
            return Json.createObjectBuilder()
                    .add("busy", recorder.busyStatus() != JibriRecorder.BusyStatus.IDLE)
                    .add("environmentContext", JsonValue.EMPTY_JSON_OBJECT)
                    .build();
        }
        return Json.createObjectBuilder()
                .add("status", Json.createObjectBuilder()
                        .add("busyStatus", recorder.busyStatus().name())
                        .add("health", Json.createObjectBuilder()
                                .add("healthStatus", "HEALTHY")
                                .add("details", JsonValue.EMPTY_JSON_OBJECT)))
                .build();
    }

    /**
     * {@code POST startService}: 200 when the session is accepted, which is not yet running; 412 when the recorder is
     * not idle or a parameter is missing, mistyped or not allowed, naming it.
     */
    @POST
    @Path(API + "/startService")
    public Response startService(@PathParam("recorder") String number, @Context HttpHeaders headers,
            InputStream body) {
        EmulatorState.requireEnabled();
        JibriRecorder recorder = recorders.recorder(number);
        JibriRecorder.Start start = start(RequestBody.read(headers.getMediaType(), body));

        recorder.start(start, recorders.now());
        LOG.fine(() -> "Recorder " + recorder.index() + " accepted session " + start.sessionId() + " for "
                + start.callUrl());
        return Response.ok().build();
    }

    /** {@code POST stopService}: ends whatever runs; 200 also when nothing does. */
    @POST
    @Path(API + "/stopService")
    public Response stopService(@PathParam("recorder") String number) {
        EmulatorState.requireEnabled();
        JibriRecorder recorder = recorders.recorder(number);

        boolean stopped = recorder.stop(recorders.now());
        LOG.fine(() -> "Recorder " + recorder.index() + (stopped ? " stopped its session" : " had nothing to stop"));
        return Response.ok().build();
    }

    /** Reads the start parameters; Jibri answers 412 rather than 400 to a missing or wrong one. */
    private JibriRecorder.Start start(RequestBody body) {
        try {
            String sessionId = body.nonEmptyString("sessionId");
            RequestBody callUrlInfo = body.object("callParams").object("callUrlInfo");
            String baseUrl = callUrlInfo.nonEmptyString("baseUrl");
            String callName = callUrlInfo.nonEmptyString("callName");
            RequestBody login = body.object("callLoginParams");
            login.nonEmptyString("domain");
            String username = login.nonEmptyString("username");
            login.nonEmptyString("password");
            String sinkType = body.string("sinkType");
            if (!SINK_TYPE.equals(sinkType)) {
                throw EmulatorFault.badRequest("sinkType must be " + SINK_TYPE + ", but is " + sinkType);
            }
            String streamUrl = body.nonEmptyString("youTubeStreamKey");
            checkAllowed(streamUrl);

            String callUrl = baseUrl.endsWith("/") ? baseUrl + callName : baseUrl + "/" + callName;
            return new JibriRecorder.Start(sessionId, callUrl, username, streamUrl);
        } catch (EmulatorFault e) {
            if (e.getResponse().getStatus() != Status.BAD_REQUEST.getStatusCode()) {
                throw e;
            }
            throw EmulatorFault.preconditionFailed(e.getMessage());
        }
    }

    private void checkAllowed(String streamUrl) {
        List<String> allowed = recorders.allowedRtmp();
        boolean below = allowed.stream()
                .anyMatch(prefix -> streamUrl.startsWith(prefix) && streamUrl.length() > prefix.length());
        if (!below) {
            throw EmulatorFault.badRequest("youTubeStreamKey must be a full RTMP URL below one of "
                    + String.join(", ", allowed) + ", but is not");
        }
    }
}

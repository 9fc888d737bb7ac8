package dev.nanomeet.emulator;

import java.io.InputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The part of the nanoStream Cloud API ("bintu") nanoMeet uses: the organisation of a key and new streams. */
@Path("bintu")
@ApplicationScoped
public class BintuResource {

    /** The name of the one organisation. */
    public static final String ORGANISATION_NAME = "nanoMeet emulator";
    /** Where a stream is ingested. */
    public static final String INGEST_URL = "rtmp://bintu-stream.nanocosmos.de/live";
    /** Where a stream is played. */
    public static final String PLAYOUT_URL = "rtmp://bintu-stream.nanocosmos.de/play";

    private static final String NAME_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int NAME_PART_LENGTH = 5;

    private final SecureRandom random = new SecureRandom();

    @Inject
    EmulatorState state;

    /** {@code GET /bintu/organisation}: the organisation the API key belongs to, with nanoMeet enabled. */
    @GET
    @Path("organisation")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject organisation(@HeaderParam(TokenResource.API_KEY_HEADER) String apiKey) {
        EmulatorState.requireEnabled();
        state.requireApiKey(apiKey);
        return Json.createObjectBuilder()
                .add("id", state.organisationId())
                .add("name", ORGANISATION_NAME)
                .add("nanomeet", true)
                .build();
    }

    /** {@code POST /bintu/stream}: a new idle stream with a passthrough playout and one per transcode. */
    @POST
    @Path("stream")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject createStream(@HeaderParam(TokenResource.API_KEY_HEADER) String apiKey,
            @Context HttpHeaders headers, InputStream body) {
        EmulatorState.requireEnabled();
        state.requireApiKey(apiKey);
        RequestBody request = RequestBody.read(headers.getMediaType(), body);
        List<String> tags = request.optionalStrings("tags").orElse(List.of());
        List<RequestBody> transcodes = request.optionalObjects("transcodes").orElse(List.of());
        for (RequestBody transcode : transcodes) {
            transcode.string("profile");
        }

        String streamname = part() + "-" + part();
        JsonArrayBuilder h5live = Json.createArrayBuilder().add(playout(streamname));
        for (int i = 1; i <= transcodes.size(); i++) {
            h5live.add(playout(streamname + "-" + i));
        }
        JsonObject stream = Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("state", "idle")
                .add("tags", Json.createArrayBuilder(tags))
                .add("ingest", Json.createObjectBuilder()
                        .add("rtmp", rtmp(INGEST_URL, streamname)))
                .add("playout", Json.createObjectBuilder()
                        .add("h5live", h5live))
                .build();
        state.recordStream(stream);
        return stream;
    }

    private JsonObject playout(String streamname) {
        return Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("rtmp", rtmp(PLAYOUT_URL, streamname))
                .build();
    }

    private static JsonObject rtmp(String url, String streamname) {
        return Json.createObjectBuilder().add("url", url).add("streamname", streamname).build();
    }

    private String part() {
        StringBuilder part = new StringBuilder(NAME_PART_LENGTH);
        for (int i = 0; i < NAME_PART_LENGTH; i++) {
            part.append(NAME_CHARACTERS.charAt(random.nextInt(NAME_CHARACTERS.length())));
        }
        return part.toString();
    }
}

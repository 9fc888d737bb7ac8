package dev.nanomeet.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the emulator did, for tests and the demo; its own calls are not logged. */
@Path("admin")
@ApplicationScoped
public class AdminResource {

    @Inject
    EmulatorState state;

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

    /** {@code GET /admin/streams}: the stream answers made, oldest first. */
    @GET
    @Path("streams")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray streams() {
        EmulatorState.requireEnabled();
        return Json.createArrayBuilder(state.streams()).build();
    }

    /** {@code GET /admin/calls}: the token and bintu calls answered, refused ones included, oldest first. */
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
                    .add("at", call.at().toString()));
        }
        return calls.build();
    }

    /** {@code POST /admin/reset}: forgets tokens, streams and calls, keeping the key pair; answers 204. */
    @POST
    @Path("reset")
    public void reset() {
        EmulatorState.requireEnabled();
        state.reset();
    }
}

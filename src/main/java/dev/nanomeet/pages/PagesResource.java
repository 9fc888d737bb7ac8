package dev.nanomeet.pages;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dev.nanomeet.Broadcast;
import dev.nanomeet.BroadcastSetup;
import dev.nanomeet.EmbedSetup;
import dev.nanomeet.Invite;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.Iso8601;
import dev.nanomeet.LiveStream;
import dev.nanomeet.MeetingEmbed;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.NanoMeetRules;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.StreamRoom;
import dev.nanomeet.TokenClaims;
import dev.nanomeet.meetings.JsonFields;

/**
 * What the token-creator and meeting pages call: rooms, invites, embeds and broadcasts, each through the
 * {@link NanoMeet} bean, so the API key stays on the server. Tokens travel in the request bodies, never in a URL.
 */
@Path("pages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class PagesResource {

    private static final Set<String> ROOM_FIELDS = Set.of("room", "server", "nbf", "exp");
    private static final Set<String> INVITE_FIELDS = Set.of("token", "moderator", "nbf", "exp");
    private static final Set<String> EMBED_FIELDS = Set.of("token", "id", "width", "height", "branding");
    private static final Set<String> START_FIELDS = Set.of("token", "record");
    private static final Set<String> TOKEN_FIELDS = Set.of("token");
    private static final String BAD_INPUT = "A field of the request is wrong: message and field";
    private static final String REFUSED = "The nanoMeet service refused: message";
    private static final String UNAVAILABLE = "The service is busy, unreachable or failing, or every recorder is busy: "
            + "message";
    private static final String BROADCAST = "room, state, record, live, vod and the instants of the state";
    private static final BigDecimal LARGEST_NUMBER = BigDecimal.valueOf(Integer.MAX_VALUE);

    @Inject
    NanoMeet nanoMeet;

    /** The token creator: a stream and a moderator's room on it; the link that opens the room. */
    @POST
    @Path("rooms")
    @Operation(summary = "Create a room", description = "Creates a live stream and a moderator's room token on it. "
            + "Body: room (a-z, A-Z, 0-9, _), and optionally server (a host), nbf and exp (ISO-8601 instants; "
            + "now and two weeks later, at most a year apart), as the nanoMeet web API's createNanoMeetRoom takes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "room",
            value = "{\"room\": \"town_hall\", \"server\": \"nanomeet-eu.nanocosmos.de\", "
                    + "\"nbf\": \"2026-12-10T09:00:00Z\", \"exp\": \"2026-12-10T12:00:00Z\"}")))
    @APIResponse(responseCode = "200", description = "room, server, streamname, notBefore, expires, token, link, "
            + "stream")
    @APIResponse(responseCode = "400", description = BAD_INPUT)
    @APIResponse(responseCode = "502", description = REFUSED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response createRoom(String body) {
        JsonObject request = JsonFields.object(body, ROOM_FIELDS);
        RoomSetup.Builder setup = RoomSetup.builder()
                .room(JsonFields.text(request, "room", true, "room"))
                .server(JsonFields.text(request, "server", false, "server"))
                .moderator(true);
        setup.notBefore(instant(request, "nbf"));
        setup.expires(instant(request, "exp"));
        StreamRoom created = nanoMeet.createRoomWithStream(setup.build());
        return ok(room(created.room(), created.stream()));
    }

    /** An invite made with a moderator's token; without a window of its own it keeps the token's. */
    @POST
    @Path("invites")
    @Operation(summary = "Create an invite", description = "Body: token (a moderator's), moderator (true or false), "
            + "optionally nbf and exp (ISO-8601 instants) inside the token's window; without them the invite keeps the "
            + "token's window.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "invite",
            value = "{\"token\": \"<a moderator's JWT>\", \"moderator\": false}")))
    @APIResponse(responseCode = "200", description = "moderator, token, inviteLink, room, notBefore, expires")
    @APIResponse(responseCode = "400", description = BAD_INPUT)
    @APIResponse(responseCode = "502", description = REFUSED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response createInvite(String body) {
        JsonObject request = JsonFields.object(body, INVITE_FIELDS);
        String token = JsonFields.text(request, "token", true, "token");
        boolean moderator = JsonFields.bool(request, "moderator", false, "moderator");
        Instant notBefore = instant(request, "nbf");
        Instant expires = instant(request, "exp");
        Invite invite = nanoMeet.createInvite(token, new InviteSetup(moderator, notBefore, expires, null));
        return ok(invite(invite));
    }

    /** The embed of the token's meeting: the snippet for the page and what the token says. */
    @POST
    @Path("embeds")
    @Operation(summary = "Embed a meeting", description = "Body: token, optionally id, width and height (pixels) and "
            + "branding (a URL). Refuses a token that the nanoMeet web API would refuse.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "embed",
            value = "{\"token\": \"<a JWT>\", \"id\": \"nanoStream-meet\", \"width\": 1280, "
                    + "\"height\": 720}")))
    @APIResponse(responseCode = "200", description = "html, scriptUrl, room, server, moderator, notBefore, expires")
    @APIResponse(responseCode = "400", description = BAD_INPUT)
    @APIResponse(responseCode = "502", description = REFUSED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response embed(String body) {
        JsonObject request = JsonFields.object(body, EMBED_FIELDS);
        EmbedSetup setup = new EmbedSetup(JsonFields.text(request, "id", false, "id"), pixels(request, "width"),
                pixels(request, "height"), JsonFields.text(request, "branding", false, "branding"));
        MeetingEmbed embed = nanoMeet.embed(JsonFields.text(request, "token", true, "token"), setup);
        TokenClaims claims = embed.claims();
        return ok(Json.createObjectBuilder()
                .add("html", embed.html())
                .add("scriptUrl", embed.scriptUrl())
                .add("id", embed.id())
                .add("room", claims.room())
                .add("server", claims.server())
                .add("meetingUrl", claims.meetingUrl())
                .add("moderator", claims.moderator())
                .add("notBefore", text(claims.notBefore()))
                .add("expires", text(claims.expires())));
    }

    /** Starts the broadcast of the token's meeting; {@code record} keeps it as VOD. */
    @POST
    @Path("broadcasts/start")
    @Operation(summary = "Start a broadcast", description = "Body: token (a moderator's), record (true for VOD).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "start",
            value = "{\"token\": \"<a moderator's JWT>\", \"record\": true}")))
    @APIResponse(responseCode = "409", description = "The room is broadcasting already")
    @APIResponse(responseCode = "200", description = BROADCAST)
    @APIResponse(responseCode = "400", description = BAD_INPUT)
    @APIResponse(responseCode = "502", description = REFUSED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response startBroadcast(String body) {
        JsonObject request = JsonFields.object(body, START_FIELDS);
        String token = JsonFields.text(request, "token", true, "token");
        boolean record = JsonFields.bool(request, "record", false, "record");
        return ok(broadcast(nanoMeet.startBroadcast(token, new BroadcastSetup(record, null))));
    }

    /** Stops the broadcast of the token's meeting; safe to repeat. */
    @POST
    @Path("broadcasts/stop")
    @Operation(summary = "Stop a broadcast", description = "Body: token (a moderator's).")
    @APIResponse(responseCode = "200", description = BROADCAST)
    @APIResponse(responseCode = "400", description = BAD_INPUT)
    @APIResponse(responseCode = "502", description = REFUSED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response stopBroadcast(String body) {
        String token = JsonFields.text(JsonFields.object(body, TOKEN_FIELDS), "token", true, "token");
        return ok(broadcast(nanoMeet.stopBroadcast(token)));
    }

    /** The broadcast of the token's room as its recorder reports it now. */
    @POST
    @Path("broadcasts/status")
    @Operation(summary = "Read a broadcast", description = "Body: token (a moderator's).")
    @APIResponse(responseCode = "200", description = BROADCAST)
    @APIResponse(responseCode = "400", description = BAD_INPUT)
    @APIResponse(responseCode = "502", description = REFUSED)
    @APIResponse(responseCode = "503", description = UNAVAILABLE)
    public Response broadcastStatus(String body) {
        String token = JsonFields.text(JsonFields.object(body, TOKEN_FIELDS), "token", true, "token");
        TokenClaims claims = nanoMeet.claims(token);
        if (!claims.moderator()) {
            throw new NanoMeetInvalidInputException("token", "a moderator's token to read broadcasts");
        }
        return ok(broadcast(nanoMeet.broadcastStatus(claims.room())));
    }

    /** The answer; a failure on the way reaches {@code ApiErrors}, which answers it. */
    private static Response ok(JsonObjectBuilder answer) {
        return Response.ok(answer.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private JsonObjectBuilder room(Room room, LiveStream stream) {
        return Json.createObjectBuilder()
                .add("room", room.room())
                .add("server", room.server())
                .add("streamname", room.streamname())
                .add("notBefore", text(room.notBefore()))
                .add("expires", text(room.expiration()))
                .add("moderator", room.moderator())
                .add("token", room.token())
                .add("link", nanoMeet.meetingLink(room.token()))
                .add("stream", Json.createObjectBuilder()
                        .add("id", stream.id())
                        .add("streamname", stream.streamname())
                        .add("playouts", Json.createArrayBuilder(stream.playoutIds()))
                        .add("dashboard", stream.dashboardUrl()));
    }

    private static JsonObjectBuilder invite(Invite invite) {
        return Json.createObjectBuilder()
                .add("moderator", invite.moderator())
                .add("token", invite.token())
                .add("inviteLink", invite.inviteLink())
                .add("room", invite.room())
                .add("notBefore", text(invite.notBefore()))
                .add("expires", text(invite.expires()));
    }

    private static JsonObjectBuilder broadcast(Broadcast broadcast) {
        return Json.createObjectBuilder()
                .add("room", broadcast.room())
                .add("state", broadcast.state().name())
                .add("record", broadcast.vod())
                .add("live", text(broadcast.liveUrl()))
                .add("vod", text(broadcast.vodUrl()))
                .add("acceptedAt", text(broadcast.acceptedAt()))
                .add("startedAt", text(broadcast.startedAt()))
                .add("stoppedAt", text(broadcast.stoppedAt()))
                .add("reason", text(broadcast.reason()));
    }

    private static Instant instant(JsonObject request, String key) {
        String value = JsonFields.text(request, key, false, key);
        return value == null || value.isBlank() ? null : Iso8601.instant(key, value);
    }

    private static Integer pixels(JsonObject request, String key) {
        JsonValue value = JsonFields.member(request, key, JsonValue.ValueType.NUMBER, false, key);
        if (value == null) {
            return null;
        }
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0
                || number.abs().compareTo(LARGEST_NUMBER) > 0) {
            throw new NanoMeetInvalidInputException(key, "a whole number of pixels from 1 to "
                    + NanoMeetRules.MAX_PIXELS);
        }
        return number.intValueExact();
    }

    private static JsonValue text(Object value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }
}

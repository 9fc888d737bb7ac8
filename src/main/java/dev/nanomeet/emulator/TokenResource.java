package dev.nanomeet.emulator;

import java.io.InputStream;
import java.io.StringReader;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.nimbusds.jose.JWSObject;

/** The token service: room tokens for an API key, invite tokens for a moderator's token, and the public key. */
@Path("token")
@ApplicationScoped
public class TokenResource {

    /** The header carrying an API key. */
    public static final String API_KEY_HEADER = "X-BINTU-APIKEY";
    /** The header carrying the token an invite is made from. */
    public static final String TOKEN_HEADER = "X-BINTU-TOKEN";
    /** The audience of every token. */
    public static final String AUDIENCE = "jitsi";

    private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_]+");
    private static final int ROOM_MAX_LENGTH = 64;

    @Inject
    EmulatorState state;

    /** The validity window of a token, in whole seconds as the JWT carries it. */
    private record Window(Instant nbf, Instant exp) {

        static Window of(Instant nbf, Instant exp) {
            return new Window(nbf.truncatedTo(ChronoUnit.SECONDS), exp.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** {@code POST /token/nanomeet}: an invite token when {@value #TOKEN_HEADER} is given, else a room token. */
    @POST
    @Path("nanomeet")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject create(@HeaderParam(API_KEY_HEADER) String apiKey, @HeaderParam(TOKEN_HEADER) String parent,
            @Context HttpHeaders headers, InputStream body) {
        EmulatorState.requireEnabled();
        if (parent != null) {
            JsonObject parentClaims = verifiedModerator(parent);
            return data(invite(parentClaims, RequestBody.read(headers.getMediaType(), body)));
        }
        if (apiKey != null) {
            state.requireApiKey(apiKey);
            return data(room(RequestBody.read(headers.getMediaType(), body)));
        }
        throw EmulatorFault.unauthorized(API_KEY_HEADER + " or " + TOKEN_HEADER + " header must be given");
    }

    /** {@code GET /token/jwks}: the public key that verifies every token, as a JWK Set. */
    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        EmulatorState.requireEnabled();
        return state.publicJwkSet();
    }

    private String room(RequestBody body) {
        Instant nbf = body.instant("nbf");
        Instant exp = body.instant("exp");
        String room = body.nonEmptyString("room");
        String streamname = body.string("streamname");
        boolean moderator = body.bool("moderator");
        String server = body.nonEmptyString("server");

        checkRoom(room);
        Window window = Window.of(nbf, exp);
        checkWindow(window);
        Instant atMost = window.nbf().atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        if (window.exp().isAfter(atMost)) {
            throw EmulatorFault.badRequest("exp must be at most one year after nbf (" + atMost + "), but is "
                    + window.exp());
        }

        JsonObject claims = claims(state.group(), room, streamname, server, moderator, window);
        return issue(EmulatorState.Kind.ROOM, claims);
    }

    private String invite(JsonObject parent, RequestBody body) {
        boolean moderator = body.bool("moderator");
        Optional<String> server = body.optionalString("server");
        Optional<Instant> nbf = body.optionalInstant("nbf");
        Optional<Instant> exp = body.optionalInstant("exp");

        String parentServer = claimString(parent, "server");
        if (server.isPresent() && !server.get().equals(parentServer)) {
            throw EmulatorFault.badRequest("server must be the parent token's server " + parentServer + ", but is "
                    + server.get());
        }
        Window parentWindow = new Window(claimInstant(parent, "nbf"), claimInstant(parent, "exp"));
        Window window = Window.of(nbf.orElse(parentWindow.nbf()), exp.orElse(parentWindow.exp()));
        checkWindow(window);
        if (window.nbf().isBefore(parentWindow.nbf())) {
            throw EmulatorFault.badRequest("nbf must not be before the parent token's nbf " + parentWindow.nbf()
                    + ", but is " + window.nbf());
        }
        if (window.exp().isAfter(parentWindow.exp())) {
            throw EmulatorFault.badRequest("exp must not be after the parent token's exp " + parentWindow.exp()
                    + ", but is " + window.exp());
        }

        JsonObject claims = claims(claimString(parent, "sub"), claimString(parent, "room"),
                claimString(parent, "streamname"), parentServer, moderator, window);
        return issue(EmulatorState.Kind.INVITE, claims);
    }

    private JsonObject verifiedModerator(String token) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            throw EmulatorFault.unauthorized(TOKEN_HEADER + " must be a JWT signed by this emulator, but is not a"
                    + " signed JWT");
        }
        if (!state.signedHere(jws)) {
            throw EmulatorFault.unauthorized(TOKEN_HEADER + " must be a JWT signed by this emulator, but its "
                    + jws.getHeader().getAlgorithm() + " signature does not verify with key " + state.keyId());
        }

        JsonObject claims;
        try (JsonReader reader = Json.createReader(new StringReader(jws.getPayload().toString()))) {
            claims = reader.readObject();
        } catch (JsonException e) {
            throw EmulatorFault.unauthorized(TOKEN_HEADER + " must carry JSON claims, but does not");
        }
        Instant exp = claimInstant(claims, "exp");
        if (!exp.isAfter(Instant.now())) {
            throw EmulatorFault.unauthorized(TOKEN_HEADER + " must not be expired, but expired at " + exp);
        }
        if (claims.get("moderator") != JsonValue.TRUE) {
            throw EmulatorFault.forbidden(TOKEN_HEADER + " must be a moderator's token to create an invite, but its"
                    + " moderator claim is " + claims.get("moderator"));
        }
        return claims;
    }

    private static void checkRoom(String room) {
        if (room.length() > ROOM_MAX_LENGTH) {
            throw EmulatorFault.badRequest("room must be at most " + ROOM_MAX_LENGTH + " characters, but has "
                    + room.length());
        }
        if (!ROOM.matcher(room).matches()) {
            throw EmulatorFault.badRequest("room must be made of a-z A-Z 0-9 _ only, but has other characters");
        }
    }

    private static void checkWindow(Window window) {
        if (!window.nbf().isBefore(window.exp())) {
            throw EmulatorFault.badRequest("nbf must be before exp " + window.exp() + ", but is " + window.nbf());
        }
        if (!window.exp().isAfter(Instant.now())) {
            throw EmulatorFault.badRequest("exp must be in the future, but is " + window.exp());
        }
    }

    private JsonObject claims(String sub, String room, String streamname, String server, boolean moderator,
            Window window) {
        return Json.createObjectBuilder()
                .add("aud", AUDIENCE)
                .add("iss", state.issuer())
                .add("sub", sub)
                .add("room", room)
                .add("streamname", streamname)
                .add("server", server)
                .add("moderator", moderator)
                .add("nbf", window.nbf().getEpochSecond())
                .add("exp", window.exp().getEpochSecond())
                .add("iat", Instant.now().getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
    }

    private String issue(EmulatorState.Kind kind, JsonObject claims) {
        String token = state.issue(kind, claims);
        LOG.fine(() -> "Issued " + kind.wireName() + " token " + claims.getString("jti") + " for room "
                + claims.getString("room"));
        return token;
    }

    private static JsonObject data(String token) {
        return Json.createObjectBuilder().add("data", token).build();
    }

    private static String claimString(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw EmulatorFault.unauthorized(TOKEN_HEADER + " must carry a string claim " + name + ", but does not");
        }
        return ((JsonString) value).getString();
    }

    private static Instant claimInstant(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw EmulatorFault.unauthorized(TOKEN_HEADER + " must carry a numeric claim " + name + ", but does not");
        }
        return Instant.ofEpochSecond(((JsonNumber) value).longValue());
    }
}

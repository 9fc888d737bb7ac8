package dev.nanomeet.meetings;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.nanomeet.NanoMeetBusyException;
import dev.nanomeet.NanoMeetConflictException;
import dev.nanomeet.NanoMeetException;
import dev.nanomeet.NanoMeetInvalidInputException;

/**
 * The answers of the main job's REST API to a failure, as JSON {@code {message, field}}: 400 for bad input (the field
 * named), 409 when the request conflicts with what is under way, 503 when the service is busy, unreachable or
 * failing, 502 when it refused.
 */
public final class ApiFailures {

    private static final Logger LOG = Logger.getLogger(ApiFailures.class.getName());

    private ApiFailures() {
    }

    /** The answer to a failure of {@code what} (for the log: "the request to api/meetings"). */
    public static Response answer(String what, Throwable cause) {
        if (cause instanceof NanoMeetInvalidInputException invalid) {
            return answer(400, invalid.getMessage(), invalid.field());
        }
        if (cause instanceof NanoMeetConflictException conflict) {
            return answer(409, conflict.getMessage(), null);
        }
        if (cause instanceof NanoMeetBusyException busy) {
            return answer(503, busy.getMessage(), null);
        }
        if (cause instanceof NanoMeetException remote) {
            LOG.warning(() -> capitalized(what) + " failed: " + remote.getMessage());
            return answer(remote.status() == 0 || remote.status() >= 500 ? 503 : 502, remote.getMessage(), null);
        }
        LOG.severe(() -> capitalized(what) + " failed unexpectedly: " + cause);
        LOG.log(Level.FINE, "The unexpected failure", cause);
        return answer(500, "Could not complete " + what + ": " + cause.getClass().getSimpleName(), null);
    }

    /** A JSON answer {@code {message, field}} with the given status; no field when null. */
    public static Response answer(int status, String message, String field) {
        var body = Json.createObjectBuilder().add("message", message);
        if (field != null) {
            body.add("field", field);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.build().toString()).build();
    }

    private static String capitalized(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}

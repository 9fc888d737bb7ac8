package dev.nanomeet.emulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/** A refusal of the emulator: an HTTP status with the JSON body {@code {"message": ...}} the real services send. */
public class EmulatorFault extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    /** A fault answering the given status with the given message, which must hold no secret. */
    public EmulatorFault(Status status, String message) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body(message)).build());
    }

    /** The JSON error body carrying the message. */
    public static JsonObject body(String message) {
        return Json.createObjectBuilder().add("message", message).build();
    }

    /** 400: the request breaks a rule of the contract. */
    public static EmulatorFault badRequest(String message) {
        return new EmulatorFault(Status.BAD_REQUEST, message);
    }

    /** 401: no credential, or one the emulator does not accept. */
    public static EmulatorFault unauthorized(String message) {
        return new EmulatorFault(Status.UNAUTHORIZED, message);
    }

    /** 403: a valid credential that does not allow the call. */
    public static EmulatorFault forbidden(String message) {
        return new EmulatorFault(Status.FORBIDDEN, message);
    }

    /** 404: the call names something the emulator does not have. */
    public static EmulatorFault notFound(String message) {
        return new EmulatorFault(Status.NOT_FOUND, message);
    }

    /** 412: what a Jibri recorder answers when it is busy or a parameter is missing or wrong. */
    public static EmulatorFault preconditionFailed(String message) {
        return new EmulatorFault(Status.PRECONDITION_FAILED, message);
    }
}

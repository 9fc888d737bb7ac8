package dev.nanomeet.meetings;

import java.io.UnsupportedEncodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.apache.camel.CamelExecutionException;

import dev.nanomeet.NanoMeetException;
import dev.nanomeet.client.RemoteCalls;

/**
 * What the main job's REST API answers to every failure, as JSON {@code {message, field}} and never an empty body:
 * the module's exceptions as {@link ApiFailures} maps them (through a Camel route's wrapper too), and requests that
 * reach no resource method (a wrong method, content type or path, a body that cannot be read).
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    @Context
    UriInfo request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable failure = thrown instanceof CamelExecutionException && thrown.getCause() != null
                ? thrown.getCause() : thrown;
        if (failure instanceof NanoMeetException) {
            return ApiFailures.answer(what(), failure);
        }
        if (failure instanceof NotSupportedException) {
            return ApiFailures.answer(415, "Content-Type must be application/json", null);
        }
        if (failure instanceof NotAllowedException) {
            return ApiFailures.answer(405, "this endpoint takes POST with a JSON body", null);
        }
        if (failure instanceof NotAcceptableException) {
            return ApiFailures.answer(406, "the answers are JSON: Accept must allow application/json", null);
        }
        if (failure instanceof NotFoundException) {
            return ApiFailures.answer(404, "no such endpoint: see /openapi for the API", null);
        }
        if (RemoteCalls.causedBy(failure, cause -> cause instanceof UnsupportedEncodingException
                || cause instanceof UnsupportedCharsetException || cause instanceof IllegalCharsetNameException)) {
            return ApiFailures.answer(415, "Content-Type must name a charset the server knows, such as UTF-8", null);
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return ApiFailures.answer(status, "the request was refused (HTTP " + status + ")", null);
        }
        return ApiFailures.answer(what(), failure);
    }

    /** The request, in words for the log: "the request to api/pages/rooms". */
    private String what() {
        return "the request to " + (request == null ? "the API" : request.getPath());
    }
}

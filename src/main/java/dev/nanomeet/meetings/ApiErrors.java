package dev.nanomeet.meetings;

import java.io.UnsupportedEncodingException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.nanomeet.client.RemoteCalls;

/**
 * What the main job's REST API answers when a request does not reach a resource method (a wrong method, content type
 * or path, a body that cannot be read): the same JSON {@code {message}} as every other failure, never an empty body.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
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
        LOG.warning(() -> "A request to the API failed unexpectedly: " + failure);
        LOG.log(Level.FINE, "The unexpected failure", failure);
        return ApiFailures.answer(500, "the request could not be completed (" + failure.getClass().getSimpleName()
                + ")", null);
    }
}

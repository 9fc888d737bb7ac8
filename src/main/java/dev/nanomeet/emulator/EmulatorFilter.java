package dev.nanomeet.emulator;

import java.lang.annotation.Annotation;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

/**
 * The emulator's gate and recorder: refuses every call with 404 while the emulator is disabled, refuses a body
 * announced as too large, logs each answered call but the admin ones, and gives JSON bodies to the runtime's errors.
 * It carries no {@code @Provider}, so that only {@link EmulatorApplication} registers it.
 */
@PreMatching
@ApplicationScoped
public class EmulatorFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SERVED = EmulatorFilter.class.getName() + ".served";
    private static final String ADMIN = "admin";

    @Inject
    EmulatorState state;

    /** Lets a call through only while the emulator is enabled and its announced body is within the limit. */
    @Override
    public void filter(ContainerRequestContext request) {
        if (!EmulatorState.enabled()) {
            request.abortWith(new EmulatorFault(Status.NOT_FOUND, EmulatorState.DISABLED_MESSAGE).getResponse());
            return;
        }
        request.setProperty(SERVED, Boolean.TRUE);

        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && announcedTooLarge(length)) {
            request.abortWith(new EmulatorFault(Status.REQUEST_ENTITY_TOO_LARGE,
                    "body must be at most " + RequestBody.MAX_BYTES + " bytes, but is " + length.trim()).getResponse());
        }
    }

    /** Records the call and gives an error answer without a body the JSON {@code message} the services send. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SERVED) == null) {
            return;
        }
        String relative = stripSlash(request.getUriInfo().getPath());
        String path = "/" + EmulatorApplication.PATH + "/" + relative;
        int status = response.getStatus();

        if (status >= 400 && !response.hasEntity()) {
            String message = request.getMethod() + " " + path + " failed: " + status + reason(status);
            response.setEntity(EmulatorFault.body(message), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        }
        if (!relative.equals(ADMIN) && !relative.startsWith(ADMIN + "/")) {
            state.recordCall(new EmulatorState.Call(request.getMethod(), path, status, Instant.now()));
        }
    }

    private static boolean announcedTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > RequestBody.MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String reason(int status) {
        Status known = Status.fromStatusCode(status);
        return known == null ? "" : " " + known.getReasonPhrase();
    }

    private static String stripSlash(String path) {
        String stripped = path.startsWith("/") ? path.substring(1) : path;
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}

package dev.nanomeet.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * The emulator's gate, fault injector and recorder: refuses every call with 404 while the emulator is disabled,
 * injects the fault set for the call's endpoint before any other check, refuses a body announced as too large, logs
 * each answered call but the admin ones, and gives JSON bodies to the runtime's errors.
 * It carries no {@code @Provider}, so that only {@link EmulatorApplication} registers it.
 */
@PreMatching
@ApplicationScoped
public class EmulatorFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(EmulatorFilter.class.getName());
    private static final String SERVED = EmulatorFilter.class.getName() + ".served";
    private static final String FAULT = EmulatorFilter.class.getName() + ".fault";
    private static final String ADMIN = "admin";
    /** The body length a broken connection announces and never sends. */
    private static final int BROKEN_LENGTH = 1024;

    @Inject
    EmulatorState state;

    @Inject
    Faults faults;

    @Context
    HttpServletResponse servletResponse;

    /**
     * Lets a call through only while the emulator is enabled, injects the fault drawn for it, and then lets it through
     * only when its announced body is within the limit.
     */
    @Override
    public void filter(ContainerRequestContext request) {
        if (!EmulatorState.enabled()) {
            request.abortWith(new EmulatorFault(Status.NOT_FOUND, EmulatorState.DISABLED_MESSAGE).getResponse());
            return;
        }
        request.setProperty(SERVED, Boolean.TRUE);

        Optional<Faults.Draw> fault = FaultEndpoint.of(request.getMethod(), relativePath(request))
                .flatMap(faults::draw);
        if (fault.isPresent()) {
            Optional<Response> answer = inject(request, fault.get());
            if (answer.isPresent()) {
                request.abortWith(answer.get());
                return;
            }
        }

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
        String relative = relativePath(request);
        String path = path(relative);
        int status = response.getStatus();

        if (status >= 400 && !response.hasEntity()) {
            String message = request.getMethod() + " " + path + " failed: " + status + reason(status);
            response.setEntity(EmulatorFault.body(message), new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        }
        if (!relative.equals(ADMIN) && !relative.startsWith(ADMIN + "/")) {
            record(request, status, (Fault.Kind) request.getProperty(FAULT));
        }
    }

    /** Waits out the fault's latency and answers what replaces the normal answer, if anything does. */
    private Optional<Response> inject(ContainerRequestContext request, Faults.Draw draw) {
        Fault fault = draw.fault();
        request.setProperty(FAULT, fault.kind());
        LOG.fine(() -> "Injecting a " + fault.kind().wireName() + " fault into " + request.getMethod() + " "
                + path(relativePath(request)));

        try {
            draw.awaitLatency();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new EmulatorFault(Status.SERVICE_UNAVAILABLE, "injected fault: latency interrupted")
                    .getResponse());
        }
        return switch (fault.kind()) {
            case LATENCY -> Optional.empty();
            case STATUS, MALFORMED_JSON -> Optional.of(fault.answer());
            case CLOSE_CONNECTION -> throw breakConnection(request);
        };
    }

    /**
     * Records the call with status 0, sends the status line and headers of a 200 announcing a body of
     * {@value #BROKEN_LENGTH} bytes and the first few of them, and closes the stream, on which the server drops the
     * connection; answers the exception that ends the call, which the runtime drops quietly since the answer is
     * committed. The servlet API cannot drop a connection before the status line; this is the nearest it comes. The
     * bytes sent are not JSON, so that a client that does not check the length still fails.
     */
    private ConnectionBroken breakConnection(ContainerRequestContext request) {
        record(request, 0, Fault.Kind.CLOSE_CONNECTION);
        try {
            servletResponse.setStatus(Status.OK.getStatusCode());
            servletResponse.setContentType(MediaType.APPLICATION_JSON);
            servletResponse.setContentLength(BROKEN_LENGTH);
            servletResponse.flushBuffer();
            OutputStream body = servletResponse.getOutputStream();
            body.write(Fault.TRUNCATED_BODY.getBytes(StandardCharsets.UTF_8));
            body.flush();
            body.close();
        } catch (IOException e) {
            // Expected: Liberty refuses to close a stream short of its Content-Length, and drops the connection.
            LOG.finest(() -> "Broke the connection: " + e.getMessage());
        }
        return new ConnectionBroken();
    }

    private void record(ContainerRequestContext request, int status, Fault.Kind fault) {
        String path = path(relativePath(request));
        state.recordCall(new EmulatorState.Call(request.getMethod(), path, status, fault, Instant.now()));
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

    private static String relativePath(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String stripped = path.startsWith("/") ? path.substring(1) : path;
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String path(String relative) {
        return "/" + EmulatorApplication.PATH + "/" + relative;
    }

    /** Ends a call whose connection was broken; carries no stack trace, since it marks no error. */
    private static final class ConnectionBroken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConnectionBroken() {
            super("injected fault: connection closed", null, false, false);
        }
    }
}

package dev.nanomeet;

import java.time.Duration;

/**
 * The base of every error the module raises: a remote call that failed, or input refused before any call.
 * It carries the operation, the HTTP status (0 when no answer came) and the service's own message.
 */
public class NanoMeetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int status;
    private final String serviceMessage;
    private Duration retryAfter;

    public NanoMeetException(String operation, int status, String serviceMessage, String message, Throwable cause) {
        super(message, cause);
        this.operation = operation;
        this.status = status;
        this.serviceMessage = serviceMessage;
    }

    /** A failed remote call, with the message "Could not &lt;operation&gt;: &lt;reason&gt;". */
    public NanoMeetException(String operation, int status, String serviceMessage, Throwable cause) {
        this(operation, status, serviceMessage, describe(operation, status, serviceMessage), cause);
    }

    /** What was attempted, for example "create room token"; null when not known. */
    public String operation() {
        return operation;
    }

    /** The HTTP status the service answered with, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The service's own explanation (its {@code message}), or null. */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** How long the service asked callers to wait before trying again ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Notes the service's {@code Retry-After}; answers this exception. */
    public NanoMeetException retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    /**
     * The same failure with the operation filled in, for a layer that knows what it was calling. An exception that
     * already names its operation is returned as it is.
     */
    public NanoMeetException withOperation(String name) {
        if (operation != null) {
            return this;
        }
        return copy(name).retryAfter(retryAfter);
    }

    /** Builds an exception of the same type for another operation; subclasses keep their type. */
    protected NanoMeetException copy(String name) {
        return new NanoMeetException(name, status, serviceMessage, this);
    }

    static String describe(String operation, int status, String serviceMessage) {
        String reason = serviceMessage == null || serviceMessage.isBlank() ? "no reason given" : serviceMessage;
        String what = operation == null ? "call the nanoMeet service" : operation;
        return status > 0
                ? "Could not " + what + ": " + reason + " (HTTP " + status + ")"
                : "Could not " + what + ": " + reason;
    }
}

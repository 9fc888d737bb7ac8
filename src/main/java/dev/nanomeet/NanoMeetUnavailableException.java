package dev.nanomeet;

/** Raised when the service could not be reached or failed on its side (connection failure, HTTP 5xx). */
public class NanoMeetUnavailableException extends NanoMeetException {

    private static final long serialVersionUID = 1L;

    public NanoMeetUnavailableException(String operation, int status, String serviceMessage, Throwable cause) {
        super(operation, status, serviceMessage, cause);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetUnavailableException(name, status(), serviceMessage(), this);
    }
}

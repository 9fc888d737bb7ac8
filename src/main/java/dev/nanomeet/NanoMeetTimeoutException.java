package dev.nanomeet;

/** Raised when the service did not answer within the configured timeout. */
public class NanoMeetTimeoutException extends NanoMeetException {

    private static final long serialVersionUID = 1L;

    public NanoMeetTimeoutException(String operation, int status, String serviceMessage, Throwable cause) {
        super(operation, status, serviceMessage, cause);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetTimeoutException(name, status(), serviceMessage(), this);
    }
}

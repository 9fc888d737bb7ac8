package dev.nanomeet;

/** Raised when the API key or token was missing or refused (HTTP 401). */
public class NanoMeetUnauthorizedException extends NanoMeetException {

    private static final long serialVersionUID = 1L;

    public NanoMeetUnauthorizedException(String operation, int status, String serviceMessage, Throwable cause) {
        super(operation, status, serviceMessage, cause);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetUnauthorizedException(name, status(), serviceMessage(), this);
    }
}

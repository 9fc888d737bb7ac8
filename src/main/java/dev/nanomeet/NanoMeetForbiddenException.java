package dev.nanomeet;

/**
 * Raised when the credentials are valid but may not do this, for example a participant token minting an invite
 * (HTTP 403).
 */
public class NanoMeetForbiddenException extends NanoMeetException {

    private static final long serialVersionUID = 1L;

    public NanoMeetForbiddenException(String operation, int status, String serviceMessage, Throwable cause) {
        super(operation, status, serviceMessage, cause);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetForbiddenException(name, status(), serviceMessage(), this);
    }
}

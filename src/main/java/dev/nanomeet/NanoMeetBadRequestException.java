package dev.nanomeet;

/** Raised when the service refused the request as malformed or invalid (HTTP 400, 404, 422). */
public class NanoMeetBadRequestException extends NanoMeetException {

    private static final long serialVersionUID = 1L;

    public NanoMeetBadRequestException(String operation, int status, String serviceMessage, Throwable cause) {
        super(operation, status, serviceMessage, cause);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetBadRequestException(name, status(), serviceMessage(), this);
    }
}

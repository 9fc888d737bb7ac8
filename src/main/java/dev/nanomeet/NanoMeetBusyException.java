package dev.nanomeet;

/** Raised when the service or recorder is busy or rate-limited; trying later may succeed (HTTP 409, 412, 429). */
public class NanoMeetBusyException extends NanoMeetException {

    private static final long serialVersionUID = 1L;

    public NanoMeetBusyException(String operation, int status, String serviceMessage, Throwable cause) {
        super(operation, status, serviceMessage, cause);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetBusyException(name, status(), serviceMessage(), this);
    }
}

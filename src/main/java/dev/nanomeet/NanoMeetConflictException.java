package dev.nanomeet;

/**
 * Raised when the request conflicts with what is under way, without asking any service: a room that is already
 * broadcasting is not started again. It ends when what is under way does (stop the broadcast first).
 */
public class NanoMeetConflictException extends NanoMeetBusyException {

    private static final long serialVersionUID = 1L;

    public NanoMeetConflictException(String operation, String reason) {
        super(operation, 0, reason, null);
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetConflictException(name, serviceMessage());
    }
}

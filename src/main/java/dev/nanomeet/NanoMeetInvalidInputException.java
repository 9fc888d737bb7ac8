package dev.nanomeet;

/**
 * Input refused before any remote call: the message names the field and the rule it breaks, for example
 * "room must contain only a-z, A-Z, 0-9 and _". It never repeats a secret value.
 */
public class NanoMeetInvalidInputException extends NanoMeetBadRequestException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rule;

    public NanoMeetInvalidInputException(String operation, String field, String rule) {
        super(operation, 0, null, null);
        this.field = field;
        this.rule = rule;
    }

    /** A failure of the input alone, for code that does not know the operation yet. */
    public NanoMeetInvalidInputException(String field, String rule) {
        this(null, field, rule);
    }

    /** The name of the offending field, as the caller wrote it (for example "participants[1].role"). */
    public String field() {
        return field;
    }

    /** The rule the field breaks, for example "an ISO-8601 instant with an offset or Z". */
    public String rule() {
        return rule;
    }

    @Override
    public String getMessage() {
        return field + " must be " + rule;
    }

    @Override
    protected NanoMeetException copy(String name) {
        return new NanoMeetInvalidInputException(name, field, rule);
    }
}

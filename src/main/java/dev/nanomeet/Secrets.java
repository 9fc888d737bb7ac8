package dev.nanomeet;

/** Prints secrets (API keys, tokens, stream keys) in a form that identifies them without giving them away. */
public final class Secrets {

    private static final int SHOWN = 4;

    private Secrets() {
    }

    /** The first four characters and the length, for example {@code eyJh…(612 chars)}; "none" for null. */
    public static String mask(String secret) {
        if (secret == null) {
            return "none";
        }
        if (secret.length() <= SHOWN * 2) {
            return "…(" + secret.length() + " chars)";
        }
        return secret.substring(0, SHOWN) + "…(" + secret.length() + " chars)";
    }
}

package dev.nanomeet;

import java.time.Duration;

/**
 * Hears of every remote call and every Camel operation: what ran, how long it took, and how it ended. A CDI bean of
 * this type (such as the module's MicroProfile Metrics one) is found by {@link NanoMeet} and the Camel component.
 */
public interface CallObserver {

    /** Hears nothing. */
    CallObserver NONE = (kind, name, took, failure) -> { };

    /**
     * Notes one call.
     *
     * @param kind    what called: the name of a remote service, or "camel"
     * @param name    the operation, for example "create room token" or "createInvite"
     * @param took    how long it took
     * @param failure what it failed with, or null when it succeeded
     */
    void observe(String kind, String name, Duration took, Throwable failure);
}

package dev.nanomeet;

/**
 * Whether the nanoMeet services can be used: what readiness reports.
 *
 * @param tokenService   "reachable", or "unreachable: <why>"
 * @param apiKey         "accepted", "refused", "unset" or "unknown: <why>"
 * @param apiKeyMasked   the key's first characters and length
 * @param tokenCircuit   the token service's circuit breaker: CLOSED, OPEN or HALF_OPEN
 * @param bintuCircuit   the nanoStream Cloud API's circuit breaker
 */
public record ServiceStatus(String tokenService, String apiKey, String apiKeyMasked, String tokenCircuit,
        String bintuCircuit) {

    /** Whether rooms can be created: the token service answers and the key is accepted. */
    public boolean ready() {
        return "reachable".equals(tokenService) && "accepted".equals(apiKey);
    }
}

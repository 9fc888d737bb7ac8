package dev.nanomeet.emulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.HttpMethod;

/** An endpoint of the emulated services that faults can be injected into, by its name in the admin API. */
public enum FaultEndpoint {

    /** {@code POST /token/nanomeet}: room and invite tokens. */
    TOKEN("token", HttpMethod.POST, "token/nanomeet"),
    /** {@code GET /bintu/organisation}. */
    ORGANISATION("organisation", HttpMethod.GET, "bintu/organisation"),
    /** {@code POST /bintu/stream}. */
    STREAM("stream", HttpMethod.POST, "bintu/stream"),
    /** {@code GET jibri/api/v1.0/health} of every recorder. */
    JIBRI_HEALTH("jibri-health", HttpMethod.GET, recorderPath("health")),
    /** {@code POST jibri/api/v1.0/startService} of every recorder. */
    JIBRI_START("jibri-start", HttpMethod.POST, recorderPath("startService")),
    /** {@code POST jibri/api/v1.0/stopService} of every recorder. */
    JIBRI_STOP("jibri-stop", HttpMethod.POST, recorderPath("stopService"));

    private static final Pattern NAME = Pattern.compile("[a-z-]{1,32}");

    private final String wireName;
    private final String method;
    private final Pattern path;

    FaultEndpoint(String wireName, String method, String path) {
        this.wireName = wireName;
        this.method = method;
        this.path = Pattern.compile(path);
    }

    /** The name the admin API and its listing use, e.g. {@code jibri-start}. */
    public String wireName() {
        return wireName;
    }

    /** The endpoint of the name, refusing with 404 one that is not an endpoint's. */
    public static FaultEndpoint named(String name) {
        for (FaultEndpoint endpoint : values()) {
            if (endpoint.wireName.equals(name)) {
                return endpoint;
            }
        }
        String shown = name != null && NAME.matcher(name).matches() ? name : "not an endpoint name";
        throw EmulatorFault.notFound("endpoint must be one of " + names() + ", but is " + shown);
    }

    /** The endpoint a call goes to, given its method and its path below the application without outer slashes. */
    public static Optional<FaultEndpoint> of(String method, String relativePath) {
        return Arrays.stream(values())
                .filter(endpoint -> endpoint.method.equals(method) && endpoint.path.matcher(relativePath).matches())
                .findFirst();
    }

    /** The names of all endpoints, comma-separated, in the order of the listing. */
    public static String names() {
        return Arrays.stream(values()).map(FaultEndpoint::wireName).collect(Collectors.joining(", "));
    }

    private static String recorderPath(String operation) {
        return "jibri/[^/]+/" + Pattern.quote(JibriResource.API + "/" + operation);
    }
}

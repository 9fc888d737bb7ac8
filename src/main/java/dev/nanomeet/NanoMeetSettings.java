package dev.nanomeet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The module's own settings, read from MicroProfile Config under {@code nanomeet.}. The service addresses are the
 * REST clients' standard keys, {@code nanomeet.token-service/mp-rest/url} and {@code nanomeet.bintu/mp-rest/url}.
 *
 * @param apiKey          {@code nanomeet.api-key} (or the environment variable {@code NANOMEET_API_KEY}); null when unset
 * @param server          {@code nanomeet.server}: the meeting server used when a setup names none
 * @param invitePage      {@code nanomeet.invite.page}: the page an invite link opens, before {@code ?token=}
 * @param defaultValidity {@code nanomeet.room.default-validity}: how long a room is valid when a setup says nothing
 * @param transcodes      {@code nanomeet.stream.transcodes}: the profiles of the streams the module creates
 */
public record NanoMeetSettings(String apiKey, String server, String invitePage, Duration defaultValidity,
        List<String> transcodes) {

    public static final String DEFAULT_SERVER = "nanomeet-eu.nanocosmos.de";
    public static final String DEFAULT_INVITE_PAGE =
            "https://nanomeet.pages.nanocosmos.de/nanomeet-frontend/nanomeet-sample.html";
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    public static final List<String> DEFAULT_TRANSCODES = List.of("vtrans2-852x480x800x25", "vtrans2-640x360x400x25");

    public NanoMeetSettings {
        transcodes = List.copyOf(transcodes);
    }

    /** The real service's defaults, with the given API key. */
    public static NanoMeetSettings defaults(String apiKey) {
        return new NanoMeetSettings(apiKey, DEFAULT_SERVER, DEFAULT_INVITE_PAGE, DEFAULT_VALIDITY, DEFAULT_TRANSCODES);
    }

    /** Reads the settings; a malformed value fails here, naming its key. */
    public static NanoMeetSettings from(Config config) {
        String apiKey = text(config, "nanomeet.api-key").orElse(null);
        String server = NanoMeetRules.server("nanomeet.server", text(config, "nanomeet.server").orElse(DEFAULT_SERVER));
        String invitePage = text(config, "nanomeet.invite.page").orElse(DEFAULT_INVITE_PAGE);
        Duration validity = text(config, "nanomeet.room.default-validity")
                .map(value -> Iso8601.duration("nanomeet.room.default-validity", value))
                .orElse(DEFAULT_VALIDITY);
        List<String> transcodes = text(config, "nanomeet.stream.transcodes")
                .map(value -> List.of(value.split("\\s*,\\s*")))
                .orElse(DEFAULT_TRANSCODES);
        return new NanoMeetSettings(apiKey, server, invitePage, validity, transcodes);
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        return "NanoMeetSettings[apiKey=" + Secrets.mask(apiKey) + ", server=" + server + ", invitePage=" + invitePage
                + ", defaultValidity=" + defaultValidity + ", transcodes=" + transcodes + "]";
    }
}

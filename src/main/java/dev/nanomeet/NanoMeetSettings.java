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
 * @param embedScript     {@code nanomeet.embed.script-url}: where a meeting embed loads the nanoMeet web API from
 */
public record NanoMeetSettings(String apiKey, String server, String invitePage, Duration defaultValidity,
        List<String> transcodes, String embedScript) {

    public static final String DEFAULT_SERVER = "nanomeet-eu.nanocosmos.de";
    public static final String DEFAULT_INVITE_PAGE =
            "https://nanomeet.pages.nanocosmos.de/nanomeet-frontend/nanomeet-sample.html";
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    public static final List<String> DEFAULT_TRANSCODES = List.of("vtrans2-852x480x800x25", "vtrans2-640x360x400x25");
    public static final String DEFAULT_EMBED_SCRIPT = "https://nanomeet.pages.nanocosmos.de/nanomeet-frontend/js/nanomeet.js";

    public NanoMeetSettings {
        transcodes = List.copyOf(transcodes);
        embedScript = embedScript == null ? DEFAULT_EMBED_SCRIPT : embedScript;
    }

    /** Settings with the public nanoMeet web API for embeds. */
    public NanoMeetSettings(String apiKey, String server, String invitePage, Duration defaultValidity,
            List<String> transcodes) {
        this(apiKey, server, invitePage, defaultValidity, transcodes, DEFAULT_EMBED_SCRIPT);
    }

    /** The real service's defaults, with the given API key. */
    public static NanoMeetSettings defaults(String apiKey) {
        return new NanoMeetSettings(apiKey, DEFAULT_SERVER, DEFAULT_INVITE_PAGE, DEFAULT_VALIDITY, DEFAULT_TRANSCODES);
    }

    /** The page an invite link opens, with the token: {@code <invitePage>?token=<token>}. */
    public String linkFor(String token) {
        return invitePage + (invitePage.contains("?") ? "&" : "?") + "token=" + token;
    }

    /** Reads the settings; a malformed value fails here, naming its key. */
    public static NanoMeetSettings from(Config config) {
        String apiKey = text(config, "nanomeet.api-key").orElse(null);
        String server = NanoMeetRules.server("nanomeet.server", text(config, "nanomeet.server").orElse(DEFAULT_SERVER));
        String invitePage = text(config, "nanomeet.invite.page").map(value -> page("nanomeet.invite.page", value))
                .orElse(DEFAULT_INVITE_PAGE);
        Duration validity = text(config, "nanomeet.room.default-validity")
                .map(value -> Iso8601.duration("nanomeet.room.default-validity", value))
                .orElse(DEFAULT_VALIDITY);
        List<String> transcodes = text(config, "nanomeet.stream.transcodes")
                .map(value -> List.of(value.split("\\s*,\\s*")))
                .orElse(DEFAULT_TRANSCODES);
        String embedScript = text(config, "nanomeet.embed.script-url")
                .map(value -> page("nanomeet.embed.script-url", value)).orElse(DEFAULT_EMBED_SCRIPT);
        return new NanoMeetSettings(apiKey, server, invitePage, validity, transcodes, embedScript);
    }

    /** An address a browser opens: an absolute http(s) URL, or a path on the same server. */
    private static String page(String key, String value) {
        if (value.startsWith("/") && !value.startsWith("//") && value.indexOf('#') < 0) {
            return value;
        }
        if (value.indexOf('#') < 0) {
            try {
                return NanoMeetRules.webUrl(key, value);
            } catch (NanoMeetInvalidInputException e) {
                // refused below, with the rule of this setting
            }
        }
        throw new NanoMeetInvalidInputException(key, "an http or https URL, or a path starting with /, without a "
                + "fragment (was \"" + value + "\")");
    }

    /** A setting's text, stripped; empty when unset or blank. */
    static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }

    @Override
    public String toString() {
        return "NanoMeetSettings[apiKey=" + Secrets.mask(apiKey) + ", server=" + server + ", invitePage=" + invitePage
                + ", defaultValidity=" + defaultValidity + ", transcodes=" + transcodes + ", embedScript=" + embedScript
                + "]";
    }
}

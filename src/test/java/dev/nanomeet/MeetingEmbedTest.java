package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The embed of a meeting, as the seed's init(config) makes it, and the tokens init refuses; no remote call. */
class MeetingEmbedTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:15:30Z");
    private static final Instant NBF = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant EXP = Instant.parse("2026-06-01T12:00:00Z");

    private final NanoMeet nanoMeet = nanoMeet(NanoMeetSettings.defaults("test-key-123456"));

    @Test
    void embedByDefaultFillsTheWholeDivOfTheSeedAndLoadsThePublicWebApi() {
        String token = token(claims().build());

        MeetingEmbed embed = nanoMeet.embed(token, null);

        assertThat(embed.id()).isEqualTo("nanoStream-meet");
        assertThat(embed.scriptUrl()).isEqualTo("https://nanomeet.pages.nanocosmos.de/nanomeet-frontend/js/nanomeet.js");
        assertThat(embed.configJson()).isEqualTo("{\"token\":\"" + token + "\",\"id\":\"nanoStream-meet\"}");
        assertThat(embed.html())
                .startsWith("<div id=\"nanoStream-meet\" class=\"nanomeet-embed\" style=\"width:100%;height:100%\">"
                        + "</div>\n<script src=\"https://nanomeet.pages.nanocosmos.de/nanomeet-frontend/js/nanomeet.js\""
                        + " data-nanomeet-api></script>\n<script type=\"application/json\" id=\"nanoStream-meet-config\">"
                        + embed.configJson() + "</script>\n")
                .contains("new NanoMeet().init(config)")
                .contains("'nanomeet:embed'");
        assertThat(embed.claims().room()).isEqualTo("embed_room");
        assertThat(embed.toString()).doesNotContain(token).contains("room=embed_room");
    }

    @Test
    void embedCarriesSizeAndBrandingIntoTheConfigAndTheDiv() {
        EmbedSetup setup = EmbedSetup.defaults().inDiv("meet-1").sized(640, 480)
                .brandedBy("https://example.com/branding.json");

        MeetingEmbed embed = nanoMeet.embed(token(claims().build()), setup);

        assertThat(embed.configJson()).endsWith(",\"id\":\"meet-1\",\"width\":640,\"height\":480,"
                + "\"branding\":\"https://example.com/branding.json\"}");
        assertThat(embed.html()).startsWith("<div id=\"meet-1\" class=\"nanomeet-embed\" style=\"width:640px;"
                + "height:480px\"></div>").contains("id=\"meet-1-config\"");
    }

    @Test
    void embedKeepsAScriptAddressFromEndingItsElement() {
        NanoMeetSettings settings = NanoMeetSettings.from(config(Map.of("nanomeet.embed.script-url",
                "/js/nanomeet.js?v=\"></script><script>alert(1)</script>")));

        String html = nanoMeet(settings).embed(token(claims().build()), null).html();

        assertThat(html).contains("src=\"/js/nanomeet.js?v=&quot;&gt;&lt;/script&gt;&lt;script&gt;alert(1)"
                + "&lt;/script&gt;\"").contains("did not load from ' + \"/js/nanomeet.js?v=\\\"\\u003e\\u003c/script")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void embedRefusesTheTokensTheWebApiRefuses() {
        assertRefused(token(claims().notBeforeTime(Date.from(NOW.plusSeconds(60))).build()), EmbedSetup.defaults(),
                "token", "token must be valid already (it is valid from 2026-06-01T10:16:30Z)");
        assertRefused(token(claims().expirationTime(Date.from(NOW)).build()), EmbedSetup.defaults(), "token",
                "token must be unexpired (it expired at 2026-06-01T10:15:30Z)");
        assertRefused(token(claims().claim("room", null).build()), EmbedSetup.defaults(), "token",
                "token must be a nanoMeet token with a room claim");
        assertRefused(token(claims().claim("streamname", null).build()), EmbedSetup.defaults(), "token",
                "token must be a nanoMeet token with a streamname claim");
        assertRefused(token(claims().subject(null).build()), EmbedSetup.defaults(), "token",
                "token must be a nanoMeet token with a sub (group) claim");
        assertRefused("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", EmbedSetup.defaults(), "token",
                "token must be a nanoMeet token of 200 to 16384 characters (was 29)");
    }

    @Test
    void embedRefusesABadDivSizeOrBranding() {
        String token = token(claims().build());

        assertRefused(token, EmbedSetup.defaults().inDiv("1meet"), "id", "id must be an element id: a letter, then "
                + "letters, digits, _, :, . or -, at most 64 characters");
        assertRefused(token, EmbedSetup.defaults().sized(0, null), "width",
                "width must be a number of pixels from 1 to 10000 (was 0)");
        assertRefused(token, EmbedSetup.defaults().sized(null, 10_001), "height",
                "height must be a number of pixels from 1 to 10000 (was 10001)");
        assertRefused(token, EmbedSetup.defaults().brandedBy("javascript:alert(1)"), "branding",
                "branding must be an absolute http or https URL of at most 2048 characters");
    }

    @Test
    void settingsReadTheScriptAndInvitePageAndRefuseOthersByKey() {
        NanoMeetSettings defaults = NanoMeetSettings.from(config(Map.of()));
        assertThat(defaults.invitePage()).isEqualTo(NanoMeetSettings.DEFAULT_INVITE_PAGE);
        assertThat(defaults.embedScript()).isEqualTo(NanoMeetSettings.DEFAULT_EMBED_SCRIPT);
        assertThat(defaults.linkFor("T")).isEqualTo(NanoMeetSettings.DEFAULT_INVITE_PAGE + "?token=T");

        NanoMeetSettings own = NanoMeetSettings.from(config(Map.of("nanomeet.invite.page",
                "https://meet.example.com/meeting.html?lang=en", "nanomeet.embed.script-url", "/nanomeet.js")));
        assertThat(own.linkFor("T")).isEqualTo("https://meet.example.com/meeting.html?lang=en&token=T");
        assertThat(own.embedScript()).isEqualTo("/nanomeet.js");

        NanoMeetInvalidInputException refused = catchThrowableOfType(NanoMeetInvalidInputException.class,
                () -> NanoMeetSettings.from(config(Map.of("nanomeet.invite.page", "ftp://example.com/page"))));
        assertThat(refused.field()).isEqualTo("nanomeet.invite.page");
        assertThat(refused.getMessage()).isEqualTo("nanomeet.invite.page must be an http or https URL, or a path "
                + "starting with /, without a fragment (was \"ftp://example.com/page\")");
    }

    private void assertRefused(String token, EmbedSetup setup, String field, String message) {
        NanoMeetInvalidInputException refused = catchThrowableOfType(NanoMeetInvalidInputException.class,
                () -> nanoMeet.embed(token, setup));
        assertThat(refused).as("refused: " + message).isNotNull();
        assertThat(refused.operation()).isEqualTo("embed meeting");
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    private static NanoMeet nanoMeet(NanoMeetSettings settings) {
        // No client: an embed makes no remote call.
        return new NanoMeet(null, null, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("embed-group").claim("room", "embed_room")
                .claim("streamname", "EMBED-00001").claim("server", "nanomeet-eu.nanocosmos.de")
                .claim("moderator", true).notBeforeTime(Date.from(NBF)).expirationTime(Date.from(EXP))
                .issueTime(Date.from(NBF.minus(Duration.ofMinutes(1))));
    }

    private static String token(JWTClaimsSet claims) {
        return TestTokens.signed(claims);
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}

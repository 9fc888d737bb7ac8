package dev.nanomeet;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * A meeting embedded in a page, as the seed's {@code init(config)} embeds it: a div, the script of the nanoMeet web
 * API and the init config. {@link #html()} is the snippet to put into a page; the token is in it, so the snippet
 * goes only to the token's holder. {@link #toString()} masks the token.
 *
 * @param id        the id of the div the meeting goes into
 * @param width     the width in pixels; null for 100 %
 * @param height    the height in pixels; null for 100 %
 * @param branding  the URL of the branding JSON file; null for nanocosmos branding
 * @param scriptUrl where the nanoMeet web API is loaded from
 * @param token     the token that opens the meeting
 * @param claims    what the token says: room, server, group, role, validity
 */
public record MeetingEmbed(String id, Integer width, Integer height, String branding, String scriptUrl, String token,
        TokenClaims claims) {

    /** The event the snippet sends on its div once {@code init} answered or failed. */
    public static final String EVENT = "nanomeet:embed";

    /** The init config as JSON: token, id, and width, height and branding when given. */
    public String configJson() {
        JsonObjectBuilder config = Json.createObjectBuilder().add("token", token).add("id", id);
        if (width != null) {
            config.add("width", width);
        }
        if (height != null) {
            config.add("height", height);
        }
        if (branding != null) {
            config.add("branding", branding);
        }
        return forScript(config.build().toString());
    }

    /**
     * The snippet: the div (100 % of its container unless a size is given), the script tag of the web API, the
     * config as JSON in {@code <script type="application/json" id="<id>-config">} and a script that calls
     * {@code new NanoMeet().init(config)}. The outcome is sent as a {@value #EVENT} event from the div, with
     * {@code detail} {@code {ready: <init's answer>}} or {@code {error: <reason>}}, for the page to show.
     */
    public String html() {
        String configId = id + "-config";
        return "<div id=\"" + attribute(id) + "\" class=\"nanomeet-embed\" style=\"width:" + size(width)
                + ";height:" + size(height) + "\"></div>\n"
                + "<script src=\"" + attribute(scriptUrl) + "\" data-nanomeet-api></script>\n"
                + "<script type=\"application/json\" id=\"" + attribute(configId) + "\">" + configJson()
                + "</script>\n"
                + "<script>(function () {\n"
                + "  var div = document.getElementById(" + string(id) + ");\n"
                + "  var config = JSON.parse(document.getElementById(" + string(configId) + ").textContent);\n"
                + "  function tell(detail) {\n"
                + "    div.dispatchEvent(new CustomEvent('" + EVENT + "', {detail: detail, bubbles: true}));\n"
                + "  }\n"
                + "  if (typeof NanoMeet !== 'function') {\n"
                + "    tell({error: 'The nanoMeet web API did not load from ' + " + string(scriptUrl) + "});\n"
                + "    return;\n"
                + "  }\n"
                + "  new NanoMeet().init(config).then(function (answer) { tell({ready: answer}); },\n"
                + "    function (error) { tell({error: String(error && error.message || error)}); });\n"
                + "})();</script>\n";
    }

    private static String size(Integer pixels) {
        return pixels == null ? "100%" : pixels + "px";
    }

    private static String string(String text) {
        return forScript(Json.createValue(text).toString());
    }

    /**
     * JSON that cannot end a script element early: {@code <}, {@code >} and {@code &} appear in JSON only inside
     * strings, where their escapes mean the same.
     */
    private static String forScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return "MeetingEmbed[id=" + id + ", room=" + claims.room() + ", moderator=" + claims.moderator()
                + ", width=" + width + ", height=" + height + ", branding=" + branding + ", scriptUrl=" + scriptUrl
                + ", token=" + Secrets.mask(token) + "]";
    }
}

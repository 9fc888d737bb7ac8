package dev.nanomeet;

/**
 * How a meeting is embedded in a page: the seed's {@code init(config)} without the token.
 *
 * @param id       the id of the div the meeting is embedded into
 * @param width    the width in pixels; null for the whole width (100 %)
 * @param height   the height in pixels; null for the whole height (100 %)
 * @param branding the URL of a branding JSON file; null for nanocosmos branding
 */
public record EmbedSetup(String id, Integer width, Integer height, String branding) {

    /** The div id the seed's samples use. */
    public static final String DEFAULT_ID = "nanoStream-meet";

    /** The seed's sample: div {@value #DEFAULT_ID}, 100 % wide and high, nanocosmos branding. */
    public static EmbedSetup defaults() {
        return new EmbedSetup(DEFAULT_ID, null, null, null);
    }

    /** The same embed into another div. */
    public EmbedSetup inDiv(String divId) {
        return new EmbedSetup(divId, width, height, branding);
    }

    /** The same embed with a size of its own, in pixels. */
    public EmbedSetup sized(Integer widthPixels, Integer heightPixels) {
        return new EmbedSetup(id, widthPixels, heightPixels, branding);
    }

    /** The same embed with a branding JSON file. */
    public EmbedSetup brandedBy(String brandingUrl) {
        return new EmbedSetup(id, width, height, brandingUrl);
    }
}

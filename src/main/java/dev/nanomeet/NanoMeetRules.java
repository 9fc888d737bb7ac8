package dev.nanomeet;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The rules nanoMeet input must follow, checked before any remote call. Each check names the field as the caller
 * wrote it, so a meeting request and a Java setup get errors in their own words.
 */
public final class NanoMeetRules {

    /** The longest room name accepted. */
    public static final int MAX_ROOM_LENGTH = 64;
    /** The longest stream name accepted. */
    public static final int MAX_STREAMNAME_LENGTH = 128;

    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern STREAMNAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern HOST = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:[0-9]{1,5})?");
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern ELEMENT_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_:.-]{0,63}");
    /** The largest size of an embedded meeting, in pixels. */
    public static final int MAX_PIXELS = 10_000;
    private static final int MAX_URL_LENGTH = 2048;

    private NanoMeetRules() {
    }

    /** A room name: required, {@code a-z A-Z 0-9 _}, at most {@value #MAX_ROOM_LENGTH} characters. */
    public static String room(String field, String room) {
        if (room == null || room.isEmpty()) {
            throw new NanoMeetInvalidInputException(field, "given: a room name is required");
        }
        if (room.length() > MAX_ROOM_LENGTH) {
            throw new NanoMeetInvalidInputException(field, "at most " + MAX_ROOM_LENGTH + " characters long (was "
                    + room.length() + ")");
        }
        if (!ROOM.matcher(room).matches()) {
            throw new NanoMeetInvalidInputException(field, "made of a-z, A-Z, 0-9 and _ only");
        }
        return room;
    }

    /** A meeting server: a host name, optionally with a port, without scheme or path. */
    public static String server(String field, String server) {
        if (server == null || server.isEmpty()) {
            throw new NanoMeetInvalidInputException(field, "given: a server host is required");
        }
        if (server.length() > MAX_HOST_LENGTH || !HOST.matcher(server).matches() || !validPort(server)) {
            throw new NanoMeetInvalidInputException(field,
                    "a host name such as nanomeet-eu.nanocosmos.de, without scheme or path");
        }
        return server;
    }

    private static boolean validPort(String server) {
        int colon = server.indexOf(':');
        if (colon < 0) {
            return true;
        }
        int port = Integer.parseInt(server.substring(colon + 1));
        return port >= 1 && port <= 65535;
    }

    /** A stream name: letters, digits, {@code _ . -}, at most {@value #MAX_STREAMNAME_LENGTH} characters. */
    public static String streamname(String field, String streamname) {
        if (streamname == null || streamname.isEmpty()) {
            throw new NanoMeetInvalidInputException(field, "given: a stream name is required");
        }
        if (streamname.length() > MAX_STREAMNAME_LENGTH || !STREAMNAME.matcher(streamname).matches()) {
            throw new NanoMeetInvalidInputException(field, "made of a-z, A-Z, 0-9, _, . and - only, at most "
                    + MAX_STREAMNAME_LENGTH + " characters");
        }
        return streamname;
    }

    /**
     * A validity window: {@code notBefore} before {@code expires}, {@code expires} in the future, and at most one
     * year long.
     */
    public static void window(String notBeforeField, String expiresField, Instant notBefore, Instant expires,
            Instant now) {
        boolean past = !expires.isAfter(now);
        if (past && !notBefore.isAfter(now)) {
            throw new NanoMeetInvalidInputException(expiresField, "in the future (was " + expires + ")");
        }
        if (!expires.isAfter(notBefore)) {
            throw new NanoMeetInvalidInputException(expiresField, "after " + notBeforeField + " (" + notBefore + ")");
        }
        if (past) {
            throw new NanoMeetInvalidInputException(expiresField, "in the future (was " + expires + ")");
        }
        Iso8601.bounded(notBeforeField, notBefore);
        Iso8601.bounded(expiresField, expires);
        Instant limit = notBefore.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        if (expires.isAfter(limit)) {
            throw new NanoMeetInvalidInputException(expiresField, "at most one year after " + notBeforeField
                    + " (at most " + limit + ")");
        }
    }

    /** An invite's window inside its parent token's. */
    public static void within(String notBeforeField, String expiresField, Instant notBefore, Instant expires,
            TokenClaims parent) {
        if (parent.notBefore() != null && notBefore.isBefore(parent.notBefore())) {
            throw new NanoMeetInvalidInputException(notBeforeField, "no earlier than the moderator token's nbf ("
                    + parent.notBefore() + ")");
        }
        if (parent.expires() != null && expires.isAfter(parent.expires())) {
            throw new NanoMeetInvalidInputException(expiresField, "no later than the moderator token's exp ("
                    + parent.expires() + ")");
        }
    }

    /** The id of an element of a page: a letter, then letters, digits, {@code _ : . -}; at most 64 characters. */
    public static String elementId(String field, String id) {
        if (id == null || !ELEMENT_ID.matcher(id).matches()) {
            throw new NanoMeetInvalidInputException(field, "an element id: a letter, then letters, digits, _, :, . "
                    + "or -, at most 64 characters");
        }
        return id;
    }

    /** A size in pixels, 1 to {@value #MAX_PIXELS}; null stays null (the whole space). */
    public static Integer pixels(String field, Integer pixels) {
        if (pixels != null && (pixels < 1 || pixels > MAX_PIXELS)) {
            throw new NanoMeetInvalidInputException(field, "a number of pixels from 1 to " + MAX_PIXELS + " (was "
                    + pixels + ")");
        }
        return pixels;
    }

    /** An absolute http or https URL with a host, at most 2048 characters. */
    public static String webUrl(String field, String url) {
        if (url != null && url.length() <= MAX_URL_LENGTH) {
            try {
                URI uri = new URI(url);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
        }
        throw new NanoMeetInvalidInputException(field, "an absolute http or https URL of at most " + MAX_URL_LENGTH
                + " characters");
    }
}

package dev.nanomeet.meetings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.nanomeet.Iso8601;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.NanoMeetRules;

/**
 * Reads meeting requests: JSON objects with room, server, notBefore, expires or validFor, host and participants.
 * Every fault is a {@link NanoMeetInvalidInputException} naming the field as the request wrote it.
 */
public final class MeetingRequestParser {

    /** The most participants one request may invite. */
    public static final int MAX_PARTICIPANTS = 500;
    /** The longest name of a person. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Set<String> FIELDS = Set.of("room", "server", "notBefore", "expires", "validFor", "host",
            "participants", "broadcast");
    private static final Set<String> BROADCAST_FIELDS = Set.of("vod", "start", "stop", "startAfter", "duration");

    private final String defaultServer;
    private final Duration defaultValidity;

    public MeetingRequestParser(String defaultServer, Duration defaultValidity) {
        this.defaultServer = defaultServer;
        this.defaultValidity = defaultValidity;
    }

    /** Parses and checks a request; {@code now} is the default start and the reference for expiry. */
    public MeetingRequest parse(String json, Instant now) {
        JsonObject request = JsonFields.object(json, FIELDS);

        String room = NanoMeetRules.room("room", text(request, "room", true));
        String server = text(request, "server", false);
        server = NanoMeetRules.server("server", server == null ? defaultServer : server);
        String notBeforeText = text(request, "notBefore", false);
        Instant notBefore = notBeforeText == null ? now : Iso8601.instant("notBefore", notBeforeText);
        String expiresText = text(request, "expires", false);
        String validForText = text(request, "validFor", false);
        if (expiresText != null && validForText != null) {
            throw new NanoMeetInvalidInputException("validFor", "absent when expires is given");
        }
        Instant expires = expiresText != null ? Iso8601.instant("expires", expiresText)
                : notBefore.plus(validForText != null ? Iso8601.duration("validFor", validForText) : defaultValidity);
        NanoMeetRules.window("notBefore", "expires", notBefore, expires, now);

        MeetingRequest.Person host = person(member(request, "host", JsonValue.ValueType.OBJECT, true), "host", false);
        List<MeetingRequest.Person> participants = participants(request);
        MeetingRequest.BroadcastPlan broadcast = broadcast(request, notBefore, expires, now);
        return new MeetingRequest(room, server, notBefore, expires, host, participants, broadcast);
    }

    /**
     * The broadcast: {@code start} and {@code stop} instants, or {@code startAfter} and {@code duration} relative to
     * now; it must end by the room's expiry, and a start already past begins at once.
     */
    private static MeetingRequest.BroadcastPlan broadcast(JsonObject request, Instant notBefore, Instant expires,
            Instant now) {
        JsonValue value = member(request, "broadcast", JsonValue.ValueType.OBJECT, false);
        if (value == null) {
            return null;
        }
        JsonObject broadcast = value.asJsonObject();
        JsonFields.fieldsAmong(broadcast, BROADCAST_FIELDS, "broadcast.");
        boolean vod = JsonFields.bool(broadcast, "vod", false, "broadcast.vod");

        String startText = text(broadcast, "start", false, "broadcast.start");
        String startAfterText = text(broadcast, "startAfter", false, "broadcast.startAfter");
        if (startText != null && startAfterText != null) {
            throw new NanoMeetInvalidInputException("broadcast.startAfter", "absent when broadcast.start is given");
        }
        Instant start = startText != null ? Iso8601.instant("broadcast.start", startText)
                : startAfterText != null ? now.plus(Iso8601.duration("broadcast.startAfter", startAfterText))
                : notBefore.isAfter(now) ? notBefore : now;

        String stopText = text(broadcast, "stop", false, "broadcast.stop");
        String durationText = text(broadcast, "duration", false, "broadcast.duration");
        if (stopText != null && durationText != null) {
            throw new NanoMeetInvalidInputException("broadcast.duration", "absent when broadcast.stop is given");
        }
        if (stopText == null && durationText == null) {
            throw new NanoMeetInvalidInputException("broadcast.stop", "given, or broadcast.duration");
        }
        Instant stop = stopText != null ? Iso8601.instant("broadcast.stop", stopText)
                : start.plus(Iso8601.duration("broadcast.duration", durationText));

        if (start.isBefore(notBefore)) {
            throw new NanoMeetInvalidInputException("broadcast.start", "no earlier than notBefore (" + notBefore + ")");
        }
        if (!stop.isAfter(start)) {
            throw new NanoMeetInvalidInputException("broadcast.stop", "after broadcast.start (" + start + ")");
        }
        if (!stop.isAfter(now)) {
            throw new NanoMeetInvalidInputException("broadcast.stop", "in the future (was " + stop + ")");
        }
        if (stop.isAfter(expires)) {
            throw new NanoMeetInvalidInputException("broadcast.stop", "no later than expires (" + expires + ")");
        }
        return new MeetingRequest.BroadcastPlan(vod, start, stop);
    }

    private static List<MeetingRequest.Person> participants(JsonObject request) {
        JsonValue value = member(request, "participants", JsonValue.ValueType.ARRAY, false);
        if (value == null) {
            return List.of();
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > MAX_PARTICIPANTS) {
            throw new NanoMeetInvalidInputException("participants", "at most " + MAX_PARTICIPANTS + " people (was "
                    + array.size() + ")");
        }
        List<MeetingRequest.Person> people = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String field = "participants[" + i + "]";
            JsonValue entry = array.get(i);
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new NanoMeetInvalidInputException(field, "an object with name and role (was " + kind(entry)
                        + ")");
            }
            people.add(person(entry, field, true));
        }
        return people;
    }

    private static MeetingRequest.Person person(JsonValue value, String field, boolean withRole) {
        JsonObject person = value.asJsonObject();
        String name = text(person, "name", true, field + ".name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new NanoMeetInvalidInputException(field + ".name", "1 to " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        if (!withRole) {
            return new MeetingRequest.Person(name, MeetingRequest.Role.moderator);
        }
        String role = text(person, "role", false, field + ".role");
        if (role == null) {
            return new MeetingRequest.Person(name, MeetingRequest.Role.participant);
        }
        return switch (role) {
            case "moderator" -> new MeetingRequest.Person(name, MeetingRequest.Role.moderator);
            case "participant" -> new MeetingRequest.Person(name, MeetingRequest.Role.participant);
            default -> throw new NanoMeetInvalidInputException(field + ".role", "\"moderator\" or \"participant\"");
        };
    }

    private static String text(JsonObject object, String key, boolean required) {
        return JsonFields.text(object, key, required, key);
    }

    private static String text(JsonObject object, String key, boolean required, String field) {
        return JsonFields.text(object, key, required, field);
    }

    private static JsonValue member(JsonObject object, String key, JsonValue.ValueType type, boolean required) {
        return JsonFields.member(object, key, type, required, key);
    }

    private static String kind(JsonValue value) {
        return JsonFields.kind(value);
    }
}

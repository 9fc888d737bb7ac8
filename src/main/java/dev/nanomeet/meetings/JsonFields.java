package dev.nanomeet.meetings;

import java.io.StringReader;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import dev.nanomeet.NanoMeetInvalidInputException;

/**
 * Reads the JSON objects the main job takes (meeting requests, the pages' requests). Every fault is a
 * {@link NanoMeetInvalidInputException} naming the field as the request wrote it.
 */
public final class JsonFields {

    /** The longest request read: a meeting of the most participants takes well under a twentieth of it. */
    public static final int MAX_REQUEST_CHARS = 2_000_000;

    /** The longest unknown field name an error repeats in full. */
    private static final int MAX_SHOWN_NAME = 64;

    /**
     * A parser that refuses a key given twice in one object, rather than keeping one of them unsaid: JSON-P 2.1's key
     * strategy, and the same setting by the name Eclipse Parsson (the server's JSON-P) reads for its parsers.
     */
    private static final JsonParserFactory STRICT = Json.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.rejectDuplicateKeys", true));

    private JsonFields() {
    }

    /** One JSON object and nothing after it; its fields only among {@code known} (null for any). */
    public static JsonObject object(String json, Set<String> known) {
        JsonObject object = object(json);
        fieldsAmong(object, known, "");
        return object;
    }

    /** Refuses a field not among {@code known}, naming it after {@code prefix}. */
    public static void fieldsAmong(JsonObject object, Set<String> known, String prefix) {
        if (known == null) {
            return;
        }
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                String shown = key.length() > MAX_SHOWN_NAME ? key.substring(0, MAX_SHOWN_NAME) + "…" : key;
                throw new NanoMeetInvalidInputException(prefix + shown, "absent: the known fields are "
                        + known.stream().sorted().toList());
            }
        }
    }

    private static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            throw new NanoMeetInvalidInputException("request", "a JSON object, not empty");
        }
        if (json.length() > MAX_REQUEST_CHARS) {
            throw new NanoMeetInvalidInputException("request", "at most " + MAX_REQUEST_CHARS + " characters long (was "
                    + json.length() + ")");
        }
        try (JsonParser parser = STRICT.createParser(new StringReader(json))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new NanoMeetInvalidInputException("request", "a JSON object (was " + kind(value) + ")");
            }
            if (parser.hasNext()) {
                throw new NanoMeetInvalidInputException("request", "one JSON object with nothing after it");
            }
            return value.asJsonObject();
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new NanoMeetInvalidInputException("request", "valid JSON (" + firstLine(e.getMessage()) + ")");
        } catch (NanoMeetInvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NanoMeetInvalidInputException("request", "JSON the parser can read (" + firstLine(e.getMessage())
                    + ")");
        }
    }

    /** A string member; null when absent or null and not required. */
    public static String text(JsonObject object, String key, boolean required, String field) {
        JsonValue value = member(object, key, JsonValue.ValueType.STRING, required, field);
        return value == null ? null : ((JsonString) value).getString();
    }

    /** A boolean member; {@code otherwise} when absent or null. */
    public static boolean bool(JsonObject object, String key, boolean otherwise, String field) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return otherwise;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new NanoMeetInvalidInputException(field, "true or false (was " + kind(value) + ")");
        }
        return value == JsonValue.TRUE;
    }

    /** A member of the given type; null when absent or null and not required. */
    public static JsonValue member(JsonObject object, String key, JsonValue.ValueType type, boolean required,
            String field) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new NanoMeetInvalidInputException(field, "given");
            }
            return null;
        }
        if (value.getValueType() != type) {
            throw new NanoMeetInvalidInputException(field, "a JSON " + type.name().toLowerCase() + " (was "
                    + kind(value) + ")");
        }
        return value;
    }

    /** What a JSON value is, in words: "a boolean", "an array", "null". */
    public static String kind(JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE, FALSE -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

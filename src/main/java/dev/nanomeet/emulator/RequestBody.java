package dev.nanomeet.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

/**
 * A JSON object read strictly from a request: each getter refuses a missing or wrong-typed field with a 400 that
 * names it. {@code prefix} locates a nested object in those messages, e.g. {@code transcodes[0].}.
 */
public record RequestBody(String prefix, JsonObject json) {

    /** The largest body accepted, in bytes; a larger one gets 413. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final String INSTANT_RULE = "an ISO-8601 instant with an offset or Z, e.g. 2021-01-22T06:00:01.000Z";

    /** Reads the body as one JSON object, refusing a non-JSON content type (415), a large (413) or bad (400) one. */
    public static RequestBody read(MediaType contentType, InputStream in) {
        if (contentType != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(contentType)) {
            throw new EmulatorFault(Status.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json, but is " + contentType);
        }
        byte[] bytes = readAtMost(in);
        if (bytes.length == 0) {
            throw EmulatorFault.badRequest("body must be a JSON object: the body is empty");
        }

        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw EmulatorFault.badRequest("body must be a JSON object: it is not UTF-8");
        }
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw EmulatorFault.badRequest("body must be a JSON object: it is " + describe(value));
            }
            if (parser.hasNext()) {
                throw EmulatorFault.badRequest("body must be a JSON object: it has more after the object");
            }
            return new RequestBody("", value.asJsonObject());
        } catch (JsonException | NoSuchElementException e) {
            String reason = e.getMessage() == null ? "it holds no JSON value" : e.getMessage();
            throw EmulatorFault.badRequest("body must be a JSON object: " + reason);
        }
    }

    /** A required string. */
    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name, "a string"));
    }

    /** A string that may be absent or null. */
    public Optional<String> optionalString(String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(name, "a string", value);
        }
        return Optional.of(((JsonString) value).getString());
    }

    /** A required string that must not be empty. */
    public String nonEmptyString(String name) {
        String value = string(name);
        if (value.isEmpty()) {
            throw EmulatorFault.badRequest(label(name) + " must be a non-empty string, but is empty");
        }
        return value;
    }

    /** A required boolean: JSON true or false, not a string. */
    public boolean bool(String name) {
        return optionalBool(name).orElseThrow(() -> missing(name, "a boolean"));
    }

    /** A boolean that may be absent or null: JSON true or false, not a string. */
    public Optional<Boolean> optionalBool(String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Optional.of(true);
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Optional.of(false);
        }
        throw wrongType(name, "a boolean", value);
    }

    /** A whole number of at least {@code min} that may be absent or null; {@code 5.0} counts as whole. */
    public Optional<Integer> optionalInt(String name, int min) {
        return optionalInt(name, min, Integer.MAX_VALUE, "a whole number of at least " + min);
    }

    /** A whole number from {@code min} to {@code max} that may be absent or null; {@code 5.0} counts as whole. */
    public Optional<Integer> optionalInt(String name, int min, int max) {
        return optionalInt(name, min, max, "a whole number from " + min + " to " + max);
    }

    /** A whole number that may be absent or null and must fit 64 bits; {@code 5.0} counts as whole. */
    public Optional<Long> optionalLong(String name) {
        String rule = "a whole number";
        return optionalNumber(name, rule).map(number -> {
            try {
                return whole(name, rule, number).longValueExact();
            } catch (ArithmeticException e) {
                throw EmulatorFault.badRequest(label(name) + " must be " + rule + " and fit 64 bits, but is too large");
            }
        });
    }

    /** A number from 0 to 1, e.g. {@code 0.25}, that may be absent or null. */
    public Optional<Double> optionalFraction(String name) {
        String rule = "a number from 0.0 to 1.0";
        return optionalNumber(name, rule).map(number -> {
            if (number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0) {
                throw EmulatorFault.badRequest(label(name) + " must be " + rule + ", but is " + number.toPlainString());
            }
            return number.doubleValue();
        });
    }

    /** A required object, read as a nested body whose messages name it, e.g. {@code callParams.callUrlInfo.}. */
    public RequestBody object(String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            throw missing(name, "an object");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw wrongType(name, "an object", value);
        }
        return new RequestBody(label(name) + ".", value.asJsonObject());
    }

    /** Whether the field is there, be it null. */
    public boolean has(String name) {
        return json.containsKey(name);
    }

    /** Refuses a field not among the given names, so that a misspelt one is not silently ignored. */
    public void requireOnly(Set<String> names) {
        List<String> unknown = json.keySet().stream().filter(name -> !names.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            String object = prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1);
            throw EmulatorFault.badRequest(object + " must hold only " + String.join(", ", new TreeSet<>(names))
                    + ", but holds " + String.join(", ", unknown));
        }
    }

    /** A required ISO-8601 instant with an offset or Z. */
    public Instant instant(String name) {
        return optionalInstant(name).orElseThrow(() -> missing(name, INSTANT_RULE));
    }

    /** An ISO-8601 instant with an offset or Z that may be absent or null. */
    public Optional<Instant> optionalInstant(String name) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(name, INSTANT_RULE, value);
        }
        return Optional.of(parseInstant(name, ((JsonString) value).getString()));
    }

    /** An array of strings that may be absent or null. */
    public Optional<List<String>> optionalStrings(String name) {
        return optionalArray(name, "an array of strings").map(array -> {
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                if (item.getValueType() != JsonValue.ValueType.STRING) {
                    throw wrongType(name + "[" + i + "]", "a string", item);
                }
                strings.add(((JsonString) item).getString());
            }
            return List.copyOf(strings);
        });
    }

    /** An array of objects that may be absent or null, each to be read as a nested body. */
    public Optional<List<RequestBody>> optionalObjects(String name) {
        return optionalArray(name, "an array of objects").map(array -> {
            List<RequestBody> objects = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                String itemName = name + "[" + i + "]";
                if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                    throw wrongType(itemName, "an object", item);
                }
                objects.add(new RequestBody(label(itemName) + ".", item.asJsonObject()));
            }
            return List.copyOf(objects);
        });
    }

    /** The field's name as messages show it, with the prefix of a nested object. */
    public String label(String name) {
        return prefix + name;
    }

    private Optional<Integer> optionalInt(String name, int min, int max, String rule) {
        return optionalNumber(name, rule).map(number -> {
            int whole;
            try {
                whole = whole(name, rule, number).intValueExact();
            } catch (ArithmeticException e) {
                throw EmulatorFault.badRequest(label(name) + " must be " + rule + " and fit 32 bits, but is too large");
            }
            if (whole < min || whole > max) {
                throw EmulatorFault.badRequest(label(name) + " must be " + rule + ", but is " + whole);
            }
            return whole;
        });
    }

    private Optional<BigDecimal> optionalNumber(String name, String rule) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw wrongType(name, rule, value);
        }
        return Optional.of(((JsonNumber) value).bigDecimalValue());
    }

    private BigDecimal whole(String name, String rule, BigDecimal number) {
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw EmulatorFault.badRequest(label(name) + " must be " + rule + ", but is " + number.toPlainString());
        }
        return number;
    }

    private Optional<JsonArray> optionalArray(String name, String rule) {
        JsonValue value = json.get(name);
        if (absent(value)) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw wrongType(name, rule, value);
        }
        return Optional.of(value.asJsonArray());
    }

    private Instant parseInstant(String name, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw EmulatorFault.badRequest(label(name) + " must be " + INSTANT_RULE + ", but "
                    + (isLocal(text) ? "has no offset" : "is not one"));
        }
    }

    private static boolean isLocal(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean absent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private EmulatorFault missing(String name, String rule) {
        JsonValue value = json.get(name);
        return EmulatorFault.badRequest(label(name) + " must be " + rule + ", but is "
                + (value == null ? "missing" : describe(value)));
    }

    private EmulatorFault wrongType(String name, String rule, JsonValue value) {
        return EmulatorFault.badRequest(label(name) + " must be " + rule + ", but is " + describe(value));
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static byte[] readAtMost(InputStream in) {
        if (in == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new EmulatorFault(Status.REQUEST_ENTITY_TOO_LARGE,
                        "body must be at most " + MAX_BYTES + " bytes, but is longer");
            }
            return bytes;
        } catch (IOException e) {
            throw EmulatorFault.badRequest("body must be readable: " + e.getMessage());
        }
    }
}

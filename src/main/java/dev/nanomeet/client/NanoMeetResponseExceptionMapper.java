package dev.nanomeet.client;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import dev.nanomeet.NanoMeetBadRequestException;
import dev.nanomeet.NanoMeetBusyException;
import dev.nanomeet.NanoMeetException;
import dev.nanomeet.NanoMeetForbiddenException;
import dev.nanomeet.NanoMeetTimeoutException;
import dev.nanomeet.NanoMeetUnauthorizedException;
import dev.nanomeet.NanoMeetUnavailableException;

/**
 * Turns every error status of the nanoMeet services into one of the module's exceptions, with the service's
 * {@code message}. The operation is filled in by {@link RemoteCalls}, which knows what was called.
 */
public class NanoMeetResponseExceptionMapper implements ResponseExceptionMapper<NanoMeetException> {

    private static final int MAX_MESSAGE_CHARS = 500;
    private static final String RETRY_AFTER = "Retry-After";

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public NanoMeetException toThrowable(Response response) {
        int status = response.getStatus();
        return forStatus(status, serviceMessage(response)).retryAfter(retryAfter(response.getHeaderString(RETRY_AFTER)));
    }

    /** The wait a {@code Retry-After} header asks for: seconds, or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeException notADate) {
                return null;
            }
        }
    }

    /** The exception type a caller handles for the given status. */
    public static NanoMeetException forStatus(int status, String message) {
        return switch (status) {
            case 400, 404, 405, 413, 415, 422 -> new NanoMeetBadRequestException(null, status, message, null);
            case 401 -> new NanoMeetUnauthorizedException(null, status, message, null);
            case 403 -> new NanoMeetForbiddenException(null, status, message, null);
            case 409, 412, 429 -> new NanoMeetBusyException(null, status, message, null);
            case 408, 504 -> new NanoMeetTimeoutException(null, status, message, null);
            default -> status >= 500
                    ? new NanoMeetUnavailableException(null, status, message, null)
                    : new NanoMeetException(null, status, message, null);
        };
    }

    private static String serviceMessage(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            return null;
        }
        if (body == null || body.isBlank()) {
            return null;
        }
        return messageOf(body);
    }

    /** The {@code message} of a JSON error body, or the start of a body that is not JSON. */
    static String messageOf(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object && object.get("message") instanceof JsonString message) {
                return shorten(message.getString());
            }
        } catch (JsonException | IllegalStateException e) {
            // Not JSON: the start of the body is the best explanation there is.
        }
        return shorten(body.strip());
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() <= MAX_MESSAGE_CHARS ? flat : flat.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}

package dev.nanomeet.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What a recorder's health says. Older recorders answer {@code {"busy": true|false}}, current ones
 * {@code {"status": {"busyStatus": "IDLE"|"BUSY"|"EXPIRED", "health": {"healthStatus": ...}}}}; both are read.
 */
public record RecorderHealth(Status status, boolean healthy) {

    /** Whether the recorder can take a session: EXPIRED (a single-use recorder after its session) cannot. */
    public enum Status {
        IDLE, BUSY, EXPIRED, UNKNOWN
    }

    /** Whether a new session may be started here. */
    public boolean idle() {
        return status == Status.IDLE && healthy;
    }

    /** Whether a session runs. */
    public boolean busy() {
        return status == Status.BUSY;
    }

    /** Reads either shape; anything else is UNKNOWN and unhealthy. */
    public static RecorderHealth read(JsonObject body) {
        if (body == null) {
            return new RecorderHealth(Status.UNKNOWN, false);
        }
        if (body.get("status") instanceof JsonObject status) {
            Status busy = switch (status.getString("busyStatus", "")) {
                case "IDLE" -> Status.IDLE;
                case "BUSY" -> Status.BUSY;
                case "EXPIRED" -> Status.EXPIRED;
                default -> Status.UNKNOWN;
            };
            boolean healthy = !(status.get("health") instanceof JsonObject health)
                    || "HEALTHY".equals(health.getString("healthStatus", "HEALTHY"));
            return new RecorderHealth(busy, healthy);
        }
        JsonValue legacy = body.get("busy");
        if (legacy == JsonValue.TRUE) {
            return new RecorderHealth(Status.BUSY, true);
        }
        if (legacy == JsonValue.FALSE) {
            return new RecorderHealth(Status.IDLE, true);
        }
        return new RecorderHealth(Status.UNKNOWN, false);
    }
}

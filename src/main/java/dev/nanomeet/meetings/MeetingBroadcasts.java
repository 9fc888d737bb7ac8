package dev.nanomeet.meetings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.nanomeet.Broadcast;
import dev.nanomeet.Room;

/**
 * The broadcasts of meeting requests ({@code camel-routes/meeting-requests.yaml}): when to start and stop them,
 * and {@code <room>.broadcast.json} in the outbox, kept current as the broadcast's state changes.
 */
@Named("meetingBroadcasts")
@ApplicationScoped
public class MeetingBroadcasts {

    private static final Logger LOG = Logger.getLogger(MeetingBroadcasts.class.getName());

    @Inject
    @ConfigProperty(name = "nanomeet.meetings.outbox", defaultValue = "meetings/outbox")
    String outbox;

    private final Clock clock = Clock.systemUTC();
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    private final Map<String, MeetingRequest.BroadcastPlan> plans = new ConcurrentHashMap<>();

    /** Notes the request's broadcast and writes its file as SCHEDULED. */
    public void schedule(@ExchangeProperty("meetingRequest") MeetingRequest request,
            @ExchangeProperty("room") Room room) {
        plans.put(room.room(), request.broadcast());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("room", room.room());
        file.put("streamname", room.streamname());
        file.put("state", "SCHEDULED");
        file.put("vod", request.broadcast().vod());
        file.put("start", request.broadcast().start().toString());
        file.put("stop", request.broadcast().stop().toString());
        write(room.room(), file);
        LOG.info(() -> "Broadcast of room " + room.room() + " scheduled from " + request.broadcast().start()
                + " to " + request.broadcast().stop());
    }

    /** Milliseconds until the broadcast starts; 0 when its start is past. */
    public long millisUntilStart(@ExchangeProperty("meetingRequest") MeetingRequest request) {
        return millisUntil(request.broadcast().start());
    }

    /** Milliseconds until the broadcast stops; 0 when its stop is past. */
    public long millisUntilStop(@ExchangeProperty("meetingRequest") MeetingRequest request) {
        return millisUntil(request.broadcast().stop());
    }

    /** Writes the file of a broadcast that changed, when it belongs to a meeting request. */
    public void changed(@Body Broadcast broadcast) {
        if (!plans.containsKey(broadcast.room())) {
            return;
        }
        write(broadcast.room(), file(broadcast));
    }

    /** Writes the file of a broadcast that could not be started or stopped, with the reason. */
    public void failed(Exchange exchange) {
        Room room = exchange.getProperty("room", Room.class);
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = failure == null ? "unknown failure" : failure.getMessage();
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("room", room.room());
        file.put("streamname", room.streamname());
        file.put("state", "FAILED");
        file.put("reason", reason);
        write(room.room(), file);
        LOG.warning(() -> "Broadcast of room " + room.room() + " failed: " + reason);
    }

    private Map<String, Object> file(Broadcast broadcast) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("room", broadcast.room());
        file.put("streamname", broadcast.streamname());
        file.put("state", broadcast.state().name());
        file.put("live", broadcast.liveUrl());
        if (broadcast.vodUrl() != null) {
            file.put("vod", broadcast.vodUrl());
        }
        file.put("startedAt", broadcast.startedAt() == null ? null : broadcast.startedAt().toString());
        file.put("stoppedAt", broadcast.stoppedAt() == null ? null : broadcast.stoppedAt().toString());
        if (broadcast.reason() != null) {
            file.put("reason", broadcast.reason());
        }
        return file;
    }

    private long millisUntil(Instant instant) {
        return Math.max(0, Duration.between(clock.instant(), instant).toMillis());
    }

    private synchronized void write(String room, Map<String, Object> content) {
        Path dir = Path.of(outbox).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + room + ".broadcast.json.tmp");
            Files.writeString(temp, jsonb.toJson(content), StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(room + ".broadcast.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broadcast file of room " + room + ": "
                    + e.getMessage(), e);
        }
    }
}

package dev.nanomeet.meetings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;

import dev.nanomeet.Broadcast;
import dev.nanomeet.Room;
import dev.nanomeet.camel.NanoMeetConstants;
import dev.nanomeet.schedule.SlotRun;

/**
 * The broadcasts of meeting requests ({@code camel-routes/meeting-requests.yaml}): what to schedule, and
 * {@code <room>.broadcast.json} in the outbox, kept current as the broadcast's state changes and as its scheduled
 * slots run. A room has a broadcast file once its request was scheduled; only such rooms are written.
 */
@Named("meetingBroadcasts")
@ApplicationScoped
public class MeetingBroadcasts {

    private static final Logger LOG = Logger.getLogger(MeetingBroadcasts.class.getName());

    @Inject
    MeetingDirectories directories;

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
    /** Writes the broadcast file as SCHEDULED and sets the headers {@code nanomeet:schedule} reads. */
    public void schedule(@ExchangeProperty("meetingRequest") MeetingRequest request,
            @ExchangeProperty("room") Room room, Message message) {
        message.setHeader(NanoMeetConstants.TOKEN, room.token());
        message.setHeader(NanoMeetConstants.VOD, request.broadcast().vod());
        message.setHeader(NanoMeetConstants.START, request.broadcast().start());
        message.setHeader(NanoMeetConstants.STOP, request.broadcast().stop());
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

    /** Writes the file of a broadcast that changed, when it belongs to a meeting request. */
    public void changed(@Body Broadcast broadcast) {
        if (Files.exists(fileOf(broadcast.room()))) {
            write(broadcast.room(), file(broadcast));
        }
    }

    /** Writes the file of a scheduled broadcast whose start failed or was missed, with the reason. */
    void slotRan(@Observes SlotRun run) {
        if (run.state() == SlotRun.State.DONE || run.room() == null || !Files.exists(fileOf(run.room()))) {
            return;
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("room", run.room());
        file.put("state", run.state() == SlotRun.State.MISSED ? "MISSED" : "FAILED");
        file.put("reason", run.detail());
        write(run.room(), file);
        LOG.warning(() -> "Broadcast of room " + run.room() + ": " + run.kind() + " " + run.state() + ", "
                + run.detail());
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

    private Path fileOf(String room) {
        return directories.outbox().resolve(room + ".broadcast.json");
    }

    private synchronized void write(String room, Map<String, Object> content) {
        Path dir = directories.outbox();
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + room + ".broadcast.json.tmp");
            Files.writeString(temp, jsonb.toJson(content), StandardCharsets.UTF_8);
            Files.move(temp, fileOf(room), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the broadcast file of room " + room + ": "
                    + e.getMessage(), e);
        }
    }
}

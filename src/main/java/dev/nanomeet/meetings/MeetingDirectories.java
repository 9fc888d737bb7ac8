package dev.nanomeet.meetings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Prepares the main job's directories before the routes start: inbox, outbox and error directory are created when
 * missing, and on the first start (no inbox yet) the sample request is put into the inbox when
 * {@code nanomeet.meetings.sample} is true.
 */
@ApplicationScoped
public class MeetingDirectories {

    static final String SAMPLE = "/META-INF/nanomeet/sample-meeting-request.json";
    private static final Logger LOG = Logger.getLogger(MeetingDirectories.class.getName());

    @Inject
    @ConfigProperty(name = "nanomeet.meetings.inbox", defaultValue = "meetings/inbox")
    String inbox;

    @Inject
    @ConfigProperty(name = "nanomeet.meetings.outbox", defaultValue = "meetings/outbox")
    String outbox;

    @Inject
    @ConfigProperty(name = "nanomeet.meetings.error", defaultValue = "meetings/error")
    String error;

    @Inject
    @ConfigProperty(name = "nanomeet.meetings.sample", defaultValue = "false")
    boolean sample;

    /** Where requests arrive. */
    public Path inbox() {
        return Path.of(inbox).toAbsolutePath();
    }

    /** Where invitations and broadcast files go. */
    public Path outbox() {
        return Path.of(outbox).toAbsolutePath();
    }

    /** Where failed requests go, beside their reasons. */
    public Path error() {
        return Path.of(error).toAbsolutePath();
    }

    void prepare(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
            Object event) {
        Path inboxDir = inbox();
        boolean firstStart = !Files.exists(inboxDir);
        try {
            Files.createDirectories(inboxDir);
            Files.createDirectories(outbox());
            Files.createDirectories(error());
            if (firstStart && sample) {
                writeSample(inboxDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the meeting directories under " + inboxDir.getParent()
                    + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "Meeting requests: inbox " + inboxDir + ", outbox " + outbox() + ", errors " + error());
    }

    private static void writeSample(Path inboxDir) throws IOException {
        try (InputStream in = MeetingDirectories.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("the sample request " + SAMPLE + " is missing from the application");
            }
            Path temp = inboxDir.resolve(".sample-meeting-request.json.tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, inboxDir.resolve("sample-meeting-request.json"), StandardCopyOption.ATOMIC_MOVE);
        }
        LOG.info(() -> "First start: put the sample meeting request into " + inboxDir);
    }
}

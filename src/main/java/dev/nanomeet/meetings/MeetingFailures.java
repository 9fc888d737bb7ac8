package dev.nanomeet.meetings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.apache.camel.Exchange;

import dev.nanomeet.NanoMeetException;
import dev.nanomeet.NanoMeetInvalidInputException;

/**
 * Says why a meeting request failed: {@code <name>.error.txt} in the error directory, beside the request that the
 * route's file consumer moves there.
 */
@Named("meetingFailures")
@ApplicationScoped
public class MeetingFailures {

    private static final Logger LOG = Logger.getLogger(MeetingFailures.class.getName());

    @Inject
    MeetingDirectories directories;

    /** Writes the reason of the exchange's failure; called from the route's exception handler. */
    public void record(Exchange exchange) throws IOException {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable failure = caught != null ? caught : exchange.getException();
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, "request.json", String.class);
        String reason = reason(name, failure);

        Path dir = directories.error();
        Files.createDirectories(dir);
        Path target = dir.resolve(baseName(name) + ".error.txt");
        Path temp = dir.resolve("." + baseName(name) + ".error.txt.tmp");
        Files.writeString(temp, reason, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.warning(() -> "Meeting request " + name + " failed and was moved to " + dir + ": " + summary(failure));
    }

    static String reason(String name, Throwable failure) {
        StringBuilder text = new StringBuilder();
        text.append("Meeting request ").append(name).append(" failed: ").append(summary(failure)).append('\n');
        NanoMeetException nanoMeet = find(failure);
        if (nanoMeet instanceof NanoMeetInvalidInputException invalid) {
            text.append("field: ").append(invalid.field()).append('\n');
            text.append("rule: ").append(invalid.rule()).append('\n');
        } else if (nanoMeet != null) {
            text.append("call: ").append(nanoMeet.operation()).append('\n');
            if (nanoMeet.status() > 0) {
                text.append("status: ").append(nanoMeet.status()).append('\n');
            }
            if (nanoMeet.serviceMessage() != null) {
                text.append("service message: ").append(nanoMeet.serviceMessage()).append('\n');
            }
            text.append("error: ").append(nanoMeet.getClass().getSimpleName()).append('\n');
        } else if (failure != null) {
            text.append("error: ").append(failure.getClass().getName()).append('\n');
        }
        text.append("at: ").append(Instant.now()).append('\n');
        return text.toString();
    }

    private static String summary(Throwable failure) {
        NanoMeetException nanoMeet = find(failure);
        if (nanoMeet != null) {
            return nanoMeet.getMessage();
        }
        return failure == null ? "unknown failure" : String.valueOf(failure.getMessage());
    }

    private static NanoMeetException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NanoMeetException nanoMeet) {
                return nanoMeet;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String baseName(String name) {
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }
}

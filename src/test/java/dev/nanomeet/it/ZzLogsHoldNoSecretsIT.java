package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.nanomeet.Secrets;

/**
 * Runs last (failsafe runs test classes in name order): every log and incident report the servers wrote during the
 * build holds no token, API key or recorder password that the tests used.
 */
class ZzLogsHoldNoSecretsIT {

    /** A JWT: three base64url parts, the first a JSON header. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
    private static final List<String> SECRETS = List.of("it-api-key-0123456789", "it-second-key-9876543210",
            "it-recorder-password-42", "emulator-recorder-password", "wrong-key-that-is-not-known");

    @Test
    void noLogHoldsASecret() throws IOException {
        List<Path> logs = logs();
        List<String> leaks = new ArrayList<>();

        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            Matcher jwt = JWT.matcher(text);
            if (jwt.find()) {
                leaks.add(log + ": a token (" + Secrets.mask(jwt.group()) + ")");
            }
            for (String secret : SECRETS) {
                if (text.contains(secret)) {
                    leaks.add(log + ": " + Secrets.mask(secret));
                }
            }
        }

        assertThat(logs).as("the servers' logs were found").isNotEmpty();
        assertThat(leaks).as("secrets in logs").isEmpty();
    }

    private static List<Path> logs() throws IOException {
        Path servers = Path.of("target/liberty/wlp/usr/servers");
        if (!Files.isDirectory(servers)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(servers)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().contains("/logs/") && !path.toString().contains("/logs/state/"))
                    .toList();
        }
    }
}

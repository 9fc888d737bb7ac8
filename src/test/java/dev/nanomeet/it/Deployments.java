package dev.nanomeet.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import dev.nanomeet.NanoMeetSettings;

/**
 * The test deployment: the module as the WAR ships it, with the emulator turned on and the clients pointed at it,
 * and meeting directories of its own under {@code target/}.
 */
final class Deployments {

    static final String NAME = "nanomeet-it";
    static final String BASE_URL = "http://localhost:9080/" + NAME;
    static final String API_KEY = "it-api-key-0123456789";
    static final String SECOND_API_KEY = "it-second-key-9876543210";
    static final String RECORDER_PASSWORD = "it-recorder-password-42";
    static final String RECORDER_0 = BASE_URL + "/emulator/jibri/0";
    static final String RECORDER_1 = BASE_URL + "/emulator/jibri/1";
    static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    /** Where the test deployment keeps its meeting directories; resolved when the deployment is built. */
    static final Path MEETINGS = PROJECT.resolve("target/it-meetings");

    private Deployments() {
    }

    static WebArchive module() {
        return module(Map.of());
    }

    /** The module with settings of the test's own added to its configuration. */
    static WebArchive module(Map<String, String> settings) {
        File[] libraries = Maven.resolver().loadPomFromFile("pom.xml")
                .importCompileAndRuntimeDependencies().resolve().withTransitivity().asFile();
        File[] testLibraries = Maven.resolver().loadPomFromFile("pom.xml")
                .resolve("org.assertj:assertj-core", "org.awaitility:awaitility").withTransitivity().asFile();
        WebArchive archive = ShrinkWrap.create(WebArchive.class, NAME + ".war")
                // The JMH code generated for the micro-benchmarks stays out: it needs JMH, which the WAR lacks.
                .addPackages(true, Filters.exclude(".*jmh_generated.*"), "dev.nanomeet")
                .addAsResource("META-INF/beans.xml")
                .addAsResource("META-INF/services/org/apache/camel/component/nanomeet")
                .addAsResource("META-INF/services/org.eclipse.microprofile.rest.client.spi.RestClientListener")
                .addAsResource("META-INF/nanomeet/sample-meeting-request.json")
                .addAsResource(new StringAsset(config() + extra(settings)), "META-INF/microprofile-config.properties")
                .addAsLibraries(libraries)
                .addAsLibraries(testLibraries);
        addPages(archive);
        return archive;
    }

    /** The pages of {@code src/main/webapp}, as the WAR serves them. */
    private static void addPages(WebArchive archive) {
        Path webapp = PROJECT.resolve("src/main/webapp");
        try (Stream<Path> files = Files.walk(webapp)) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> archive.addAsWebResource(file.toFile(), webapp.relativize(file).toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the pages in " + webapp, e);
        }
    }

    private static String extra(Map<String, String> settings) {
        StringBuilder lines = new StringBuilder();
        settings.forEach((key, value) -> lines.append(key).append('=').append(value).append('\n'));
        return lines.toString();
    }

    private static String config() {
        return String.join("\n",
                "nanomeet.emulator.enabled=true",
                "nanomeet.emulator.api-keys=" + API_KEY + "," + SECOND_API_KEY,
                "nanomeet.api-key=" + API_KEY,
                "nanomeet.token-service/mp-rest/url=" + BASE_URL + "/emulator/token",
                "nanomeet.bintu/mp-rest/url=" + BASE_URL + "/emulator/bintu",
                "nanomeet.emulator.recorders=2",
                "nanomeet.recorders=" + BASE_URL + "/emulator/jibri/0," + BASE_URL + "/emulator/jibri/1",
                "nanomeet.recorder.login.username=recorder",
                "nanomeet.recorder.login.password=" + RECORDER_PASSWORD,
                "nanomeet.broadcast.start-deadline=PT3S",
                "nanomeet.camel.routes-dir=" + PROJECT.resolve("camel-routes"),
                "nanomeet.meetings.inbox=" + MEETINGS.resolve("inbox"),
                "nanomeet.meetings.outbox=" + MEETINGS.resolve("outbox"),
                "nanomeet.meetings.error=" + MEETINGS.resolve("error"),
                "nanomeet.meetings.sample=false",
                // Tokens read, not checked, as the module does by default (the server configuration checks them
                // against the main job's emulator); NanoMeetIT checks them against this deployment's emulator.
                "nanomeet.token.keys-url=none",
                // The module's own default, over the main job's own page that the server configuration sets.
                "nanomeet.invite.page=" + NanoMeetSettings.DEFAULT_INVITE_PAGE,
                "");
    }
}

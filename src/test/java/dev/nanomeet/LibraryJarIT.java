package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/** The library jar that users' WARs depend on carries the module and nothing of the emulator or the main job. */
class LibraryJarIT {

    private static final Path JAR = Path.of("target/nanomeet-library.jar");

    @Test
    void libraryJarLeavesOutTheEmulatorAndTheMainJob() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names).as("the public API, the client and the component")
                    .contains("dev/nanomeet/NanoMeet.class", "dev/nanomeet/client/TokenServiceClient.class",
                            "dev/nanomeet/camel/NanoMeetComponent.class", "META-INF/beans.xml",
                            "META-INF/services/org/apache/camel/component/nanomeet",
                            "META-INF/services/org.eclipse.microprofile.rest.client.spi.RestClientListener");
            assertThat(names).as("the embed of a meeting").contains("dev/nanomeet/MeetingEmbed.class");
            assertThat(names).as("no emulator, no meeting-request job, no pages")
                    .noneMatch(name -> name.startsWith("dev/nanomeet/emulator/"))
                    .noneMatch(name -> name.startsWith("dev/nanomeet/meetings/"))
                    .noneMatch(name -> name.startsWith("dev/nanomeet/pages/"))
                    .noneMatch(name -> name.startsWith("META-INF/nanomeet/"));
        }
    }
}

package dev.nanomeet.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

/**
 * The component metadata that the build generates for Camel tooling lists every option and header of the
 * {@code nanomeet} endpoints with a description, and marks the secrets; the documentation page is made from it.
 */
class ComponentMetadataTest {

    private static final String METADATA = "/META-INF/dev/nanomeet/camel/nanomeet.json";

    @Test
    void metadataListsEveryOptionWithItsDescription() throws IOException {
        JsonObject properties = metadata().getJsonObject("properties");
        List<String> options = Arrays.stream(NanoMeetConfiguration.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(UriParam.class) || field.isAnnotationPresent(UriPath.class))
                .map(Field::getName)
                .toList();

        assertThat(options).as("options of the configuration").hasSizeGreaterThan(10);
        for (String option : options) {
            assertThat(properties.containsKey(option)).as("metadata of option " + option).isTrue();
            assertThat(properties.getJsonObject(option).getString("description", "")).as("description of " + option)
                    .isNotBlank();
        }
        assertThat(properties.getJsonObject("token").getBoolean("secret")).as("token is secret").isTrue();
        assertThat(properties.getJsonObject("room").getBoolean("secret")).isFalse();
        assertThat(properties.getJsonObject("operation").getJsonArray("enum")).hasSize(
                NanoMeetOperation.values().length);
    }

    @Test
    void metadataListsEveryHeader() throws IOException, IllegalAccessException {
        JsonObject headers = metadata().getJsonObject("headers");

        for (Field field : NanoMeetConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String header = (String) field.get(null);
                assertThat(headers.containsKey(header)).as("metadata of header " + header).isTrue();
                assertThat(headers.getJsonObject(header).getString("description")).isNotBlank();
            }
        }
        assertThat(headers.getJsonObject(NanoMeetConstants.TOKEN).getBoolean("secret")).isTrue();
    }

    @Test
    void documentationPageIsMadeFromTheMetadata() throws IOException {
        JsonObject metadata = metadata();

        Path page = ComponentDocs.write(metadata, Path.of("target/generated-docs/nanomeet-component.md"));

        String text = Files.readString(page);
        assertThat(text).startsWith("# nanoMeet component").contains("`nanomeet:operation`");
        for (String option : metadata.getJsonObject("properties").keySet()) {
            assertThat(text).as("the page lists " + option).contains("| `" + option + "` |");
        }
        assertThat(text).contains("| `CamelNanoMeetToken` |").contains("yes (secret)");
    }

    private static JsonObject metadata() throws IOException {
        try (InputStream in = ComponentMetadataTest.class.getResourceAsStream(METADATA)) {
            assertThat(in).as("generated metadata " + METADATA).isNotNull();
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        }
    }
}

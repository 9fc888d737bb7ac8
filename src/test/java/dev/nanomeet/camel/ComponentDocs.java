package dev.nanomeet.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Writes the component's documentation page from its generated metadata. */
final class ComponentDocs {

    private ComponentDocs() {
    }

    static Path write(JsonObject metadata, Path page) throws IOException {
        JsonObject component = metadata.getJsonObject("component");
        StringBuilder text = new StringBuilder();
        text.append("# nanoMeet component\n\n").append(component.getString("description", "")).append("\n\n")
                .append("URI: `").append(component.getString("syntax")).append("`\n\n");
        text.append("## Options\n\n| option | label | type | default | secret | description |\n")
                .append("|---|---|---|---|---|---|\n");
        rows(text, metadata.getJsonObject("properties"));
        text.append("\n## Headers\n\n| header | label | type | default | secret | description |\n")
                .append("|---|---|---|---|---|---|\n");
        rows(text, metadata.getJsonObject("headers"));
        Files.createDirectories(page.getParent());
        Files.writeString(page, text);
        return page;
    }

    private static void rows(StringBuilder text, JsonObject entries) {
        for (Map.Entry<String, JsonValue> entry : entries.entrySet()) {
            JsonObject option = entry.getValue().asJsonObject();
            text.append("| `").append(entry.getKey()).append("` | ").append(option.getString("label", ""))
                    .append(" | ").append(option.getString("javaType", option.getString("type", ""))).append(" | ")
                    .append(option.containsKey("defaultValue") ? option.get("defaultValue").toString() : "")
                    .append(" | ").append(option.getBoolean("secret", false) ? "yes (secret)" : "").append(" | ")
                    .append(option.getString("description", "").replace('|', '/')).append(" |\n");
        }
    }
}

package dev.nanomeet.camel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Loads the route files of a directory (YAML and XML DSL) into a CamelContext, in the order of their names. */
public final class RouteFiles {

    private static final Logger LOG = Logger.getLogger(RouteFiles.class.getName());
    private static final List<String> ENDINGS = List.of(".yaml", ".yml", ".xml");

    private RouteFiles() {
    }

    /**
     * Loads every route file of {@code dir}; a missing directory loads nothing. A file that does not load fails
     * with an {@link IllegalStateException} naming it.
     *
     * @return the files loaded
     */
    public static List<Path> load(CamelContext camel, Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warning(() -> "No routes directory at " + dir + " (nanomeet.camel.routes-dir): no routes loaded");
            return List.of();
        }
        List<Path> files = list(dir);
        RoutesLoader loader = PluginHelper.getRoutesLoader(camel);
        for (Path file : files) {
            Resource resource = ResourceHelper.resolveResource(camel, "file:" + file);
            try {
                loader.loadRoutes(resource);
            } catch (Exception e) {
                throw new IllegalStateException("Could not load route file " + file + ": " + e.getMessage(), e);
            }
            LOG.info(() -> "Loaded route file " + file.getFileName());
        }
        return files;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(RouteFiles::isRouteFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Could not list route files in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isRouteFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return ENDINGS.stream().anyMatch(name::endsWith);
    }
}

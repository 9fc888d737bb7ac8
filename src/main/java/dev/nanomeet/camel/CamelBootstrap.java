package dev.nanomeet.camel;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.support.DefaultRegistry;
import org.eclipse.microprofile.config.Config;

import dev.nanomeet.NanoMeet;

/**
 * Runs one CamelContext for the application: started when the application starts, with CDI beans in its registry,
 * the {@code nanomeet} component, the routes of every CDI bean that is a {@code RoutesBuilder} (Java DSL) and every
 * route file (YAML or XML) of the routes directory; stopped with the application.
 * Settings: {@code nanomeet.camel.enabled} (default true), {@code nanomeet.camel.routes-dir}
 * (default {@code camel-routes}), {@code nanomeet.camel.name} (default {@code nanomeet}).
 */
@ApplicationScoped
public class CamelBootstrap {

    private static final Logger LOG = Logger.getLogger(CamelBootstrap.class.getName());

    @Inject
    BeanManager beanManager;

    @Inject
    NanoMeet nanoMeet;

    @Inject
    Config config;

    private volatile DefaultCamelContext context;
    private volatile List<Path> loaded = List.of();

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws Exception {
        if (!config.getOptionalValue("nanomeet.camel.enabled", Boolean.class).orElse(true)) {
            LOG.info("Camel is turned off (nanomeet.camel.enabled=false)");
            return;
        }
        Path routesDir = Path.of(config.getOptionalValue("nanomeet.camel.routes-dir", String.class)
                .orElse("camel-routes")).toAbsolutePath().normalize();
        String name = config.getOptionalValue("nanomeet.camel.name", String.class).orElse("nanomeet");

        DefaultCamelContext camel = new DefaultCamelContext(new DefaultRegistry(new CdiBeanRepository(beanManager)));
        camel.getCamelContextExtension().setName(name);
        camel.addComponent("nanomeet", new NanoMeetComponent(nanoMeet));
        camel.getRegistry().bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, new NanoMeetMaskingFormatter());
        camel.setLogMask(true);
        camel.start();
        context = camel;

        try {
            addJavaRoutes(camel);
            loaded = RouteFiles.load(camel, routesDir);
        } catch (RuntimeException e) {
            camel.stop();
            context = null;
            throw e;
        }
        LOG.info(() -> "Camel context " + name + " started with " + camel.getRoutes().size() + " routes from "
                + loaded.size() + " files in " + routesDir);
    }

    /** Adds the routes of every CDI bean that is a Camel {@link RoutesBuilder} (Java DSL). */
    private void addJavaRoutes(CamelContext camel) {
        for (Bean<?> bean : beanManager.getBeans(RoutesBuilder.class, Any.Literal.INSTANCE)) {
            RoutesBuilder routes = (RoutesBuilder) beanManager.getReference(bean, RoutesBuilder.class,
                    beanManager.createCreationalContext(bean));
            try {
                camel.addRoutes(routes);
            } catch (Exception e) {
                throw new IllegalStateException("Could not add the routes of " + bean.getBeanClass().getName() + ": "
                        + e.getMessage(), e);
            }
            LOG.info(() -> "Added the Java routes of " + bean.getBeanClass().getSimpleName());
        }
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        DefaultCamelContext camel = context;
        context = null;
        if (camel != null) {
            camel.stop();
            LOG.info(() -> "Camel context " + camel.getName() + " stopped");
        }
    }

    /** The running CamelContext, for injection; null when Camel is turned off or has not started. */
    @Produces
    public CamelContext camelContext() {
        return context;
    }

    /** The route files loaded at start, in the order they were loaded. */
    public List<Path> loadedRouteFiles() {
        return loaded;
    }

    /** Whether the context runs and every route of it has started. */
    public boolean routesStarted() {
        DefaultCamelContext camel = context;
        return camel != null && camel.isStarted() && camel.getRoutes().stream()
                .allMatch(route -> camel.getRouteController().getRouteStatus(route.getRouteId()).isStarted());
    }

    /** The number of routes, 0 when Camel does not run. */
    public int routeCount() {
        DefaultCamelContext camel = context;
        return camel == null ? 0 : camel.getRoutes().size();
    }
}

package dev.nanomeet.emulator;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of the emulator, listing its own classes so that it stays apart from the WAR's others. */
@ApplicationPath(EmulatorApplication.PATH)
public class EmulatorApplication extends Application {

    /** The path of the application below the context root, without slashes. */
    public static final String PATH = "emulator";

    /** The emulator's resources and providers, and nothing else. */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TokenResource.class, BintuResource.class, JibriResource.class, AdminResource.class,
                EmulatorFilter.class);
    }
}

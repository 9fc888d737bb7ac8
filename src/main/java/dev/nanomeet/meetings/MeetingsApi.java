package dev.nanomeet.meetings;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

import dev.nanomeet.pages.PagesResource;

/** The main job's REST API, at {@code /nanomeet/api}; it lists its own classes to stay apart from the emulator's. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "nanoMeet meetings", version = "0.1.0",
        description = "Post a meeting request, get its invitations back; the pages' rooms, invites, embeds and "
                + "broadcasts."))
public class MeetingsApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MeetingResource.class, PagesResource.class, ApiErrors.class);
    }
}

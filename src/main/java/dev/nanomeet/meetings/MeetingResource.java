package dev.nanomeet.meetings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.camel.CamelContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /api/meetings}: a meeting request in, its invitations out, through {@code direct:meeting-request}. */
@Path("meetings")
@ApplicationScoped
public class MeetingResource {

    private static final String EXAMPLE = "{\"room\": \"town_hall\", \"validFor\": \"PT2H\", \"host\": {\"name\": "
            + "\"Ada\"}, \"participants\": [{\"name\": \"Bob\", \"role\": \"participant\"}]}";

    @Inject
    CamelContext camel;

    /** Creates the room and its invites; answers the invitations file's JSON. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a meeting", description = "Creates the room (the host's moderator token), an invite "
            + "per participant and, when asked, schedules the broadcast. The request is the one the inbox takes.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "town hall", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The invitations: room, server, streamname, invitations")
    @APIResponse(responseCode = "400", description = "A field of the request is wrong: message and field")
    @APIResponse(responseCode = "502", description = "The nanoMeet service refused or failed: message")
    @APIResponse(responseCode = "503", description = "The nanoMeet service is busy or unreachable: message")
    public Response create(String request) {
        // A failure of the route reaches ApiErrors, which answers it.
        String invitations = camel.createFluentProducerTemplate().to("direct:meeting-request")
                .withBody(request).request(String.class);
        return Response.ok(invitations).build();
    }
}

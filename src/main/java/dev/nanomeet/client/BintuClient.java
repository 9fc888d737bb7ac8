package dev.nanomeet.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The nanoStream Cloud API ("bintu"): the organisation of an API key and live streams. Configured by
 * {@code nanomeet.bintu/mp-rest/url}, {@code connectTimeout} and {@code readTimeout}.
 */
@RegisterRestClient(configKey = BintuClient.CONFIG_KEY, baseUri = BintuClient.DEFAULT_URL)
@RegisterProvider(NanoMeetResponseExceptionMapper.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface BintuClient {

    String CONFIG_KEY = "nanomeet.bintu";
    String DEFAULT_URL = "https://bintu.nanocosmos.de";

    @GET
    @Path("/organisation")
    OrganisationResponse organisation(@HeaderParam(TokenServiceClient.API_KEY_HEADER) String apiKey);

    @POST
    @Path("/stream")
    StreamResponse createStream(@HeaderParam(TokenServiceClient.API_KEY_HEADER) String apiKey,
            StreamRequest request);
}

package dev.nanomeet.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The nanoMeet token service: {@code POST /nanomeet} mints room tokens (with an API key) and invite tokens (with a
 * moderator's token). Configured by {@code nanomeet.token-service/mp-rest/url}, {@code connectTimeout} and
 * {@code readTimeout}.
 */
@RegisterRestClient(configKey = TokenServiceClient.CONFIG_KEY, baseUri = TokenServiceClient.DEFAULT_URL)
@RegisterProvider(NanoMeetResponseExceptionMapper.class)
@Path("/nanomeet")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface TokenServiceClient {

    String CONFIG_KEY = "nanomeet.token-service";
    String DEFAULT_URL = "https://bintu-cloud-token.k8s-prod.nanocosmos.de";
    String API_KEY_HEADER = "X-BINTU-APIKEY";
    String TOKEN_HEADER = "X-BINTU-TOKEN";

    @POST
    TokenResponse createRoomToken(@HeaderParam(API_KEY_HEADER) String apiKey, RoomTokenRequest request);

    @POST
    TokenResponse createInviteToken(@HeaderParam(TOKEN_HEADER) String moderatorToken, InviteTokenRequest request);
}

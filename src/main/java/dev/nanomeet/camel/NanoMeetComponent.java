package dev.nanomeet.camel;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetSettings;
import dev.nanomeet.Secrets;
import dev.nanomeet.client.BintuClient;
import dev.nanomeet.client.TokenServiceClient;

/**
 * The {@code nanomeet:} component: rooms, invites and broadcasts from routes. It calls a {@link NanoMeet}, set on it,
 * found in the registry, or (outside CDI) built from its own options, {@code camel.component.nanomeet.*}.
 */
@Component("nanomeet")
public class NanoMeetComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(NanoMeetComponent.class);

    @Metadata(label = "advanced", autowired = true, description = "The NanoMeet bean the endpoints call")
    private NanoMeet nanoMeet;

    @Metadata(description = "Options shared by every endpoint of this component")
    private NanoMeetConfiguration configuration = new NanoMeetConfiguration();

    @Metadata(label = "security", secret = true, description = "The nanoStream Cloud API key, when the component "
            + "builds its own NanoMeet (outside CDI, for example in Camel Main)")
    private String apiKey;

    @Metadata(label = "advanced", defaultValue = TokenServiceClient.DEFAULT_URL, description = "The token service, "
            + "when the component builds its own NanoMeet")
    private String tokenServiceUrl = TokenServiceClient.DEFAULT_URL;

    @Metadata(label = "advanced", defaultValue = BintuClient.DEFAULT_URL, description = "The nanoStream Cloud API, "
            + "when the component builds its own NanoMeet")
    private String bintuUrl = BintuClient.DEFAULT_URL;

    @Metadata(label = "advanced", defaultValue = NanoMeetSettings.DEFAULT_INVITE_PAGE, description = "The page invite "
            + "links open, when the component builds its own NanoMeet")
    private String invitePage = NanoMeetSettings.DEFAULT_INVITE_PAGE;

    public NanoMeetComponent() {
    }

    public NanoMeetComponent(NanoMeet nanoMeet) {
        this.nanoMeet = nanoMeet;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        NanoMeetOperation operation = NanoMeetOperation.of(remaining, uri);
        NanoMeetConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setOperation(operation.name());

        NanoMeetEndpoint endpoint = new NanoMeetEndpoint(uri, this, operation, endpointConfiguration);
        setProperties(endpointConfiguration, parameters);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * The bean the endpoints call: the one set, else the one in the registry, else one built from this component's
     * own options (apiKey, tokenServiceUrl, bintuUrl, invitePage and the shared server).
     */
    public synchronized NanoMeet getNanoMeet() {
        if (nanoMeet == null && getCamelContext() != null) {
            nanoMeet = getCamelContext().getRegistry().findSingleByType(NanoMeet.class);
        }
        if (nanoMeet == null) {
            nanoMeet = ownNanoMeet();
        }
        return nanoMeet;
    }

    private NanoMeet ownNanoMeet() {
        TokenServiceClient tokens = RestClientBuilder.newBuilder().baseUri(URI.create(tokenServiceUrl))
                .build(TokenServiceClient.class);
        BintuClient bintu = RestClientBuilder.newBuilder().baseUri(URI.create(bintuUrl)).build(BintuClient.class);
        String server = configuration.getServer() != null ? configuration.getServer() : NanoMeetSettings.DEFAULT_SERVER;
        NanoMeetSettings settings = new NanoMeetSettings(apiKey, server, invitePage, NanoMeetSettings.DEFAULT_VALIDITY,
                NanoMeetSettings.DEFAULT_TRANSCODES);
        LOG.info("The nanomeet component built its own NanoMeet for {} (API key {})", tokenServiceUrl,
                Secrets.mask(apiKey));
        return new NanoMeet(tokens, bintu, settings, Clock.systemUTC());
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getTokenServiceUrl() {
        return tokenServiceUrl;
    }

    public void setTokenServiceUrl(String tokenServiceUrl) {
        this.tokenServiceUrl = tokenServiceUrl;
    }

    public String getBintuUrl() {
        return bintuUrl;
    }

    public void setBintuUrl(String bintuUrl) {
        this.bintuUrl = bintuUrl;
    }

    public String getInvitePage() {
        return invitePage;
    }

    public void setInvitePage(String invitePage) {
        this.invitePage = invitePage;
    }

    public void setNanoMeet(NanoMeet nanoMeet) {
        this.nanoMeet = nanoMeet;
    }

    public NanoMeetConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(NanoMeetConfiguration configuration) {
        this.configuration = configuration;
    }
}

package dev.nanomeet.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

import dev.nanomeet.NanoMeet;

/**
 * The {@code nanomeet:} component: rooms and invites from routes. It calls a {@link NanoMeet}, set on it or found
 * in the registry.
 */
@Component("nanomeet")
public class NanoMeetComponent extends DefaultComponent {

    @Metadata(label = "advanced", autowired = true, description = "The NanoMeet bean the endpoints call")
    private NanoMeet nanoMeet;

    @Metadata(description = "Options shared by every endpoint of this component")
    private NanoMeetConfiguration configuration = new NanoMeetConfiguration();

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

    /** The bean the endpoints call; looked up in the registry when none was set. */
    public NanoMeet getNanoMeet() {
        if (nanoMeet == null && getCamelContext() != null) {
            nanoMeet = getCamelContext().getRegistry().findSingleByType(NanoMeet.class);
        }
        return nanoMeet;
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

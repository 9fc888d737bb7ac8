package dev.nanomeet.camel;

import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

import dev.nanomeet.Iso8601;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.NanoMeetRules;
import dev.nanomeet.schedule.MeetingScheduler;

/**
 * Rooms, invites and broadcasts of nanoMeet video meetings: createRoom, createInvite, startBroadcast, stopBroadcast,
 * broadcastStatus, schedule and cancelSchedule; and, as a consumer, broadcastEvents, one exchange per change of a
 * broadcast's state, polled every delay milliseconds.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "nanomeet", title = "nanoMeet", syntax = "nanomeet:operation",
             category = { Category.CHAT, Category.SAAS }, headersClass = NanoMeetConstants.class)
public class NanoMeetEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private final NanoMeetConfiguration configuration;
    private final NanoMeetOperation operation;

    NanoMeetEndpoint(String uri, NanoMeetComponent component, NanoMeetOperation operation,
            NanoMeetConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        if (operation.consumes()) {
            throw new IllegalArgumentException("nanomeet:" + operation + " is for from(...) only (in "
                    + getEndpointUri() + ")");
        }
        return new NanoMeetProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!operation.consumes()) {
            throw new IllegalArgumentException("nanomeet:" + operation + " is for to(...) only; from(...) takes "
                    + "nanomeet:broadcastEvents (in " + getEndpointUri() + ")");
        }
        NanoMeetConsumer consumer = new NanoMeetConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public NanoMeetComponent getComponent() {
        return (NanoMeetComponent) super.getComponent();
    }

    public NanoMeetConfiguration getConfiguration() {
        return configuration;
    }

    public NanoMeetOperation getOperation() {
        return operation;
    }

    NanoMeet nanoMeet() {
        NanoMeet nanoMeet = getComponent().getNanoMeet();
        if (nanoMeet == null) {
            throw new IllegalStateException("No NanoMeet bean in the registry for " + getEndpointUri()
                    + ": set one on the nanomeet component");
        }
        return nanoMeet;
    }

    /** Checks the options that the URI alone can get wrong, naming the option and the URI. */
    void validate() {
        try {
            if (configuration.getRoom() != null) {
                NanoMeetRules.room("room", configuration.getRoom());
            }
            if (configuration.getServer() != null) {
                NanoMeetRules.server("server", configuration.getServer());
            }
            if (configuration.getStreamname() != null) {
                NanoMeetRules.streamname("streamname", configuration.getStreamname());
            }
            notBefore();
            expires();
            validity();
            instant("start", configuration.getStart());
            instant("stop", configuration.getStop());
        } catch (NanoMeetInvalidInputException e) {
            throw new IllegalArgumentException("Option " + e.getMessage() + " (in nanomeet:" + operation + ")", e);
        }
    }

    Instant notBefore() {
        return configuration.getNbf() == null ? null : Iso8601.instant("nbf", configuration.getNbf());
    }

    Instant expires() {
        return configuration.getExp() == null ? null : Iso8601.instant("exp", configuration.getExp());
    }

    Instant instant(String option, String text) {
        return text == null ? null : Iso8601.instant(option, text);
    }

    /** The scheduler of the application, found in the registry. */
    MeetingScheduler scheduler() {
        MeetingScheduler scheduler = getCamelContext().getRegistry().findSingleByType(MeetingScheduler.class);
        if (scheduler == null) {
            throw new IllegalStateException("No MeetingScheduler bean in the registry for " + getEndpointUri());
        }
        return scheduler;
    }

    Duration validity() {
        return configuration.getValidity() == null ? null : Iso8601.duration("validity", configuration.getValidity());
    }
}

package dev.nanomeet.meetings;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import dev.nanomeet.BroadcastState;
import dev.nanomeet.camel.NanoMeetConstants;

/**
 * A route in Java DSL, as a CDI bean: the module's Camel bootstrap adds it. It warns when a broadcast fails, so an
 * operator sees it in the server's log.
 */
@ApplicationScoped
public class BroadcastAlerts extends RouteBuilder {

    @Override
    public void configure() {
        from("nanomeet:broadcastEvents?delay=2000").routeId("broadcast-alerts")
                .filter(header(NanoMeetConstants.BROADCAST_STATE).isEqualTo(BroadcastState.FAILED))
                .log(LoggingLevel.WARN, "Broadcast of room ${header.CamelNanoMeetRoom} failed on "
                        + "${header.CamelNanoMeetRecorder}: ${body.reason}");
    }
}

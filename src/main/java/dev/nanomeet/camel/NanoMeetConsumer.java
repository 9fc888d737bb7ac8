package dev.nanomeet.camel;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.nanomeet.BroadcastChange;

/**
 * {@code from("nanomeet:broadcastEvents")}: every {@code delay} it reads the recorders of the running broadcasts and
 * sends one exchange per change of state (from any start, stop or status read since the last poll), with the
 * {@code Broadcast} as body.
 */
public class NanoMeetConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(NanoMeetConsumer.class);

    private final Queue<BroadcastChange> changes = new ConcurrentLinkedQueue<>();
    private Runnable unsubscribe;

    public NanoMeetConsumer(NanoMeetEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public NanoMeetEndpoint getEndpoint() {
        return (NanoMeetEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        unsubscribe = getEndpoint().nanoMeet().onBroadcastChange(changes::add);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        getEndpoint().nanoMeet().broadcasts();

        int sent = 0;
        for (BroadcastChange change = changes.poll(); change != null; change = changes.poll()) {
            Exchange exchange = createExchange(true);
            Message message = exchange.getMessage();
            message.setBody(change.broadcast());
            message.setHeader(NanoMeetConstants.ROOM, change.room());
            message.setHeader(NanoMeetConstants.PREVIOUS_STATE, change.from());
            message.setHeader(NanoMeetConstants.BROADCAST_STATE, change.to());
            message.setHeader(NanoMeetConstants.RECORDER, change.recorder());
            message.setHeader(NanoMeetConstants.LIVE_URL, change.broadcast().liveUrl());
            if (change.broadcast().vodUrl() != null) {
                message.setHeader(NanoMeetConstants.VOD_URL, change.broadcast().vodUrl());
            }
            LOG.debug("Broadcast of room {}: {} -> {}", change.room(), change.from(), change.to());
            try {
                getProcessor().process(exchange);
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing broadcast event", exchange,
                            exchange.getException());
                }
            } finally {
                releaseExchange(exchange, false);
            }
            sent++;
        }
        return sent;
    }
}

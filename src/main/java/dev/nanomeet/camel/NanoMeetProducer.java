package dev.nanomeet.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.nanomeet.Broadcast;
import dev.nanomeet.BroadcastSetup;
import dev.nanomeet.Invite;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.Iso8601;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.Secrets;
import dev.nanomeet.schedule.ScheduledMeeting;

/**
 * Calls {@code NanoMeet} for each message. A setup is built from the endpoint's options, then the body (a
 * {@link RoomSetup}, an {@link InviteSetup} or a map with the option names), then the {@code CamelNanoMeet*}
 * headers, each overriding the one before. Failures are the module's typed exceptions, left on the exchange.
 */
public class NanoMeetProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(NanoMeetProducer.class);

    public NanoMeetProducer(NanoMeetEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NanoMeetEndpoint getEndpoint() {
        return (NanoMeetEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        long started = System.nanoTime();
        try {
            run(exchange);
            observe(started, null);
        } catch (RuntimeException e) {
            observe(started, e);
            throw e;
        }
    }

    private void observe(long started, Throwable failure) {
        getEndpoint().nanoMeet().observer().observe("camel", getEndpoint().getOperation().name(),
                Duration.ofNanos(System.nanoTime() - started), failure);
    }

    private void run(Exchange exchange) {
        switch (getEndpoint().getOperation()) {
            case createRoom -> createRoom(exchange.getMessage());
            case createInvite -> createInvite(exchange.getMessage());
            case startBroadcast -> startBroadcast(exchange.getMessage());
            case stopBroadcast -> stopBroadcast(exchange.getMessage());
            case broadcastStatus -> broadcastStatus(exchange.getMessage());
            case schedule -> schedule(exchange.getMessage());
            case cancelSchedule -> cancelSchedule(exchange.getMessage());
            default -> throw new IllegalStateException("Unhandled operation " + getEndpoint().getOperation());
        }
    }

    private void createRoom(Message message) {
        RoomSetup setup = roomSetup(message);

        Room room = getEndpoint().nanoMeet().createRoom(setup);
        LOG.debug("Created room {} on {} with stream {}", room.room(), room.server(), room.streamname());

        message.setBody(room);
        message.setHeader(NanoMeetConstants.TOKEN, room.token());
        message.setHeader(NanoMeetConstants.ROOM, room.room());
        message.setHeader(NanoMeetConstants.SERVER, room.server());
        message.setHeader(NanoMeetConstants.STREAMNAME, room.streamname());
    }

    private void createInvite(Message message) {
        String token = text(message, NanoMeetConstants.TOKEN, null, getEndpoint().getConfiguration().getToken());
        InviteSetup setup = inviteSetup(message);

        Invite invite = getEndpoint().nanoMeet().createInvite(token, setup);
        LOG.debug("Created {} invite for room {}, token {}", invite.moderator() ? "moderator" : "participant",
                invite.room(), Secrets.mask(invite.token()));

        message.setBody(invite);
        message.setHeader(NanoMeetConstants.INVITE_TOKEN, invite.token());
        message.setHeader(NanoMeetConstants.INVITE_LINK, invite.inviteLink());
    }

    private void startBroadcast(Message message) {
        NanoMeetConfiguration options = getEndpoint().getConfiguration();
        String token = text(message, NanoMeetConstants.TOKEN, null, options.getToken());
        Boolean vod = bool(message, NanoMeetConstants.VOD, options.getVod());
        String recorder = text(message, NanoMeetConstants.RECORDER, null, options.getRecorder());

        Broadcast broadcast = getEndpoint().nanoMeet().startBroadcast(token,
                new BroadcastSetup(Boolean.TRUE.equals(vod), recorder));
        broadcastResult(message, broadcast);
    }

    private void stopBroadcast(Message message) {
        String token = text(message, NanoMeetConstants.TOKEN, null, getEndpoint().getConfiguration().getToken());

        broadcastResult(message, getEndpoint().nanoMeet().stopBroadcast(token));
    }

    private void broadcastStatus(Message message) {
        String room = text(message, NanoMeetConstants.ROOM, null, getEndpoint().getConfiguration().getRoom());

        broadcastResult(message, getEndpoint().nanoMeet().broadcastStatus(room));
    }

    private void schedule(Message message) {
        NanoMeetEndpoint endpoint = getEndpoint();
        NanoMeetConfiguration options = endpoint.getConfiguration();
        String token = text(message, NanoMeetConstants.TOKEN, null, options.getToken());
        Boolean vod = bool(message, NanoMeetConstants.VOD, options.getVod());
        Instant start = instant(message, NanoMeetConstants.START, "start", endpoint.instant("start", options.getStart()));
        Instant stop = instant(message, NanoMeetConstants.STOP, "stop", endpoint.instant("stop", options.getStop()));

        ScheduledMeeting scheduled = endpoint.scheduler().schedule(token, start, stop, Boolean.TRUE.equals(vod));
        message.setBody(scheduled);
        message.setHeader(NanoMeetConstants.SCHEDULE_ID, scheduled.id());
        message.setHeader(NanoMeetConstants.ROOM, scheduled.room());
    }

    private void cancelSchedule(Message message) {
        String id = text(message, NanoMeetConstants.SCHEDULE_ID, null,
                getEndpoint().getConfiguration().getScheduleId());
        if (id == null || id.isBlank()) {
            throw new NanoMeetInvalidInputException(NanoMeetConstants.SCHEDULE_ID, "given: the schedule to cancel");
        }

        message.setBody(getEndpoint().scheduler().cancel(id));
    }

    private static void broadcastResult(Message message, Broadcast broadcast) {
        message.setBody(broadcast);
        message.setHeader(NanoMeetConstants.ROOM, broadcast.room());
        message.setHeader(NanoMeetConstants.BROADCAST_STATE, broadcast.state());
        message.setHeader(NanoMeetConstants.RECORDER, broadcast.recorder());
        message.setHeader(NanoMeetConstants.LIVE_URL, broadcast.liveUrl());
        if (broadcast.vodUrl() != null) {
            message.setHeader(NanoMeetConstants.VOD_URL, broadcast.vodUrl());
        } else {
            message.removeHeader(NanoMeetConstants.VOD_URL);
        }
    }

    private static Boolean bool(Message message, String header, Boolean fallback) {
        Object value = message.getHeader(header);
        return value == null ? fallback : bool(value, header);
    }

    private RoomSetup roomSetup(Message message) {
        NanoMeetEndpoint endpoint = getEndpoint();
        NanoMeetConfiguration options = endpoint.getConfiguration();
        RoomSetup body = message.getBody() instanceof RoomSetup setup ? setup : null;
        Map<?, ?> map = message.getBody() instanceof Map<?, ?> fields ? fields : Map.of();

        RoomSetup.Builder builder = body != null ? body.toBuilder() : RoomSetup.builder()
                .room(options.getRoom())
                .server(options.getServer())
                .streamname(options.getStreamname())
                .moderator(options.getModerator() == null || options.getModerator())
                .notBefore(endpoint.notBefore())
                .expires(endpoint.expires())
                .validity(endpoint.validity());
        String room = text(message, NanoMeetConstants.ROOM, map.get("room"), null);
        if (room != null) {
            builder.room(room);
        }
        String server = text(message, NanoMeetConstants.SERVER, map.get("server"), null);
        if (server != null) {
            builder.server(server);
        }
        String streamname = text(message, NanoMeetConstants.STREAMNAME, map.get("streamname"), null);
        if (streamname != null) {
            builder.streamname(streamname);
        }
        Boolean moderator = flag(message, map.get("moderator"));
        if (moderator != null) {
            builder.moderator(moderator);
        }
        Instant notBefore = instant(message, NanoMeetConstants.NOT_BEFORE, "nbf", map.get("nbf"));
        if (notBefore != null) {
            builder.notBefore(notBefore);
        }
        Instant expires = instant(message, NanoMeetConstants.EXPIRES, "exp", map.get("exp"));
        if (expires != null) {
            builder.expires(expires);
        }
        Duration validity = duration(message, map.get("validity"));
        if (validity != null) {
            builder.validity(validity);
        }
        return builder.build();
    }

    private InviteSetup inviteSetup(Message message) {
        NanoMeetEndpoint endpoint = getEndpoint();
        NanoMeetConfiguration options = endpoint.getConfiguration();
        InviteSetup body = message.getBody() instanceof InviteSetup setup ? setup : null;
        Map<?, ?> map = message.getBody() instanceof Map<?, ?> fields ? fields : Map.of();

        boolean moderator = body != null ? body.moderator() : Boolean.TRUE.equals(options.getModerator());
        Instant notBefore = body != null ? body.notBefore() : endpoint.notBefore();
        Instant expires = body != null ? body.expires() : endpoint.expires();
        Duration validity = body != null ? body.validity() : endpoint.validity();

        Boolean moderatorOverride = flag(message, map.get("moderator"));
        Instant notBeforeOverride = instant(message, NanoMeetConstants.NOT_BEFORE, "nbf", map.get("nbf"));
        Instant expiresOverride = instant(message, NanoMeetConstants.EXPIRES, "exp", map.get("exp"));
        Duration validityOverride = duration(message, map.get("validity"));
        return new InviteSetup(
                moderatorOverride != null ? moderatorOverride : moderator,
                notBeforeOverride != null ? notBeforeOverride : notBefore,
                expiresOverride != null ? expiresOverride : expires,
                validityOverride != null ? validityOverride : validity);
    }

    /** The header, else the body's field, else the fallback; text only. */
    private static String text(Message message, String header, Object field, String fallback) {
        Object value = message.getHeader(header);
        if (value == null) {
            value = field;
        }
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof CharSequence)) {
            throw new NanoMeetInvalidInputException(header, "text (was " + value.getClass().getSimpleName() + ")");
        }
        return value.toString();
    }

    private static Boolean flag(Message message, Object field) {
        Boolean fromField = field == null ? null : bool(field, "moderator");
        return bool(message, NanoMeetConstants.MODERATOR, fromField);
    }

    private static Boolean bool(Object value, String name) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().strip();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new NanoMeetInvalidInputException(name, "true or false");
    }

    private static Instant instant(Message message, String header, String field, Object fieldValue) {
        Object value = message.getHeader(header);
        String name = header;
        if (value == null) {
            value = fieldValue;
            name = field;
        }
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof CharSequence text) {
            return Iso8601.instant(name, text.toString());
        }
        throw new NanoMeetInvalidInputException(name, "an Instant or ISO-8601 text with an offset");
    }

    private static Duration duration(Message message, Object fieldValue) {
        Object value = message.getHeader(NanoMeetConstants.VALIDITY);
        String name = NanoMeetConstants.VALIDITY;
        if (value == null) {
            value = fieldValue;
            name = "validity";
        }
        if (value == null || value instanceof Duration) {
            return (Duration) value;
        }
        if (value instanceof CharSequence text) {
            return Iso8601.duration(name, text.toString());
        }
        throw new NanoMeetInvalidInputException(name, "a Duration or ISO-8601 text such as PT2H");
    }
}

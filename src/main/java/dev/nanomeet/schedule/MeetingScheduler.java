package dev.nanomeet.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.nanomeet.Invite;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.TokenClaims;

/**
 * Scheduled meetings: the room opens as its setup says, the broadcast starts at one instant and stops at another,
 * on the server's persistent timers. Schedules survive restarts; each slot runs once.
 */
@ApplicationScoped
public class MeetingScheduler {

    static final String SCHEDULE = "schedule meeting";
    private static final Logger LOG = Logger.getLogger(MeetingScheduler.class.getName());

    @Inject
    NanoMeet nanoMeet;

    @Inject
    MeetingTimers timers;

    private final Clock clock = Clock.systemUTC();

    /**
     * Creates the room and an invite per invitee, then schedules its broadcast from {@code start} to {@code stop}.
     */
    public ScheduledMeeting schedule(RoomSetup setup, List<InviteSetup> invitees, Instant start, Instant stop,
            boolean vod) {
        Room room = nanoMeet.createRoom(setup);
        List<Invite> invites = new ArrayList<>();
        for (InviteSetup invitee : invitees) {
            invites.add(nanoMeet.createInvite(room.token(), invitee));
        }
        ScheduledMeeting scheduled = schedule(room.token(), start, stop, vod);
        return new ScheduledMeeting(scheduled.id(), scheduled.room(), scheduled.streamname(), start, stop, vod,
                invites, scheduled.pending());
    }

    /** Schedules the broadcast of an existing room, by its moderator token. */
    public ScheduledMeeting schedule(String moderatorToken, Instant start, Instant stop, boolean vod) {
        TokenClaims room = check(moderatorToken, start, stop);
        String id = UUID.randomUUID().toString();

        timers.create(Slot.of(id, Slot.Kind.START, room.room(), room.streamname(), moderatorToken, vod, start, stop));
        timers.create(Slot.of(id, Slot.Kind.STOP, room.room(), room.streamname(), moderatorToken, vod, start, stop));
        LOG.info(() -> "Scheduled the broadcast of room " + room.room() + " from " + start + " to " + stop
                + (vod ? ", recorded" : "") + " (" + id + ")");
        return new ScheduledMeeting(id, room.room(), room.streamname(), start, stop, vod, List.of(),
                List.of(Slot.Kind.START, Slot.Kind.STOP));
    }

    /** The meetings with slots still to run, soonest first. */
    public List<ScheduledMeeting> scheduled() {
        Map<String, List<Slot>> byMeeting = new LinkedHashMap<>();
        for (Slot slot : timers.pending()) {
            byMeeting.computeIfAbsent(slot.meetingId(), id -> new ArrayList<>()).add(slot);
        }
        return byMeeting.values().stream()
                .map(slots -> {
                    Slot first = slots.get(0);
                    return new ScheduledMeeting(first.meetingId(), first.room(), first.streamname(), first.start(),
                            first.stop(), first.vod(), List.of(), slots.stream().map(Slot::kind).sorted().toList());
                })
                .sorted(Comparator.comparing(ScheduledMeeting::start))
                .toList();
    }

    /** Moves a meeting's broadcast to a new window; its pending slots are replaced. */
    public ScheduledMeeting reschedule(String id, Instant start, Instant stop) {
        Slot slot = timers.pending().stream().filter(s -> s.meetingId().equals(id)).findFirst()
                .orElseThrow(() -> new NanoMeetInvalidInputException("reschedule meeting", "id",
                        "the id of a meeting with slots still to run"));
        check(slot.moderatorToken(), start, stop);
        timers.cancel(id);

        timers.create(Slot.of(id, Slot.Kind.START, slot.room(), slot.streamname(), slot.moderatorToken(), slot.vod(),
                start, stop));
        timers.create(Slot.of(id, Slot.Kind.STOP, slot.room(), slot.streamname(), slot.moderatorToken(), slot.vod(),
                start, stop));
        LOG.info(() -> "Rescheduled the broadcast of room " + slot.room() + " to " + start + " - " + stop);
        return new ScheduledMeeting(id, slot.room(), slot.streamname(), start, stop, slot.vod(), List.of(),
                List.of(Slot.Kind.START, Slot.Kind.STOP));
    }

    /** Cancels what is still to run of a meeting; false when nothing was. */
    public boolean cancel(String id) {
        int cancelled = timers.cancel(id);
        LOG.info(() -> "Cancelled " + cancelled + " slots of meeting " + id);
        return cancelled > 0;
    }

    private TokenClaims check(String moderatorToken, Instant start, Instant stop) {
        try {
            TokenClaims room = nanoMeet.claims(moderatorToken);
            if (!room.moderator()) {
                throw new NanoMeetInvalidInputException("token", "a moderator's token to schedule broadcasts");
            }
            if (start == null) {
                throw new NanoMeetInvalidInputException("start", "given");
            }
            if (stop == null || !stop.isAfter(start)) {
                throw new NanoMeetInvalidInputException("stop", "after start (" + start + ")");
            }
            if (!stop.isAfter(clock.instant())) {
                throw new NanoMeetInvalidInputException("stop", "in the future (was " + stop + ")");
            }
            if (room.expires() != null && !start.isBefore(room.expires())) {
                throw new NanoMeetInvalidInputException("start", "before the room expires (" + room.expires() + ")");
            }
            return room;
        } catch (NanoMeetInvalidInputException e) {
            throw (NanoMeetInvalidInputException) e.withOperation(SCHEDULE);
        }
    }
}

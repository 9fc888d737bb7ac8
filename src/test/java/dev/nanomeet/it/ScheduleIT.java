package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.BroadcastSetup;
import dev.nanomeet.BroadcastState;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.camel.NanoMeetConstants;
import dev.nanomeet.schedule.MeetingScheduler;
import dev.nanomeet.schedule.ScheduledMeeting;
import dev.nanomeet.schedule.Slot;
import dev.nanomeet.schedule.SlotRun;
import dev.nanomeet.schedule.SlotRunner;
import dev.nanomeet.schedule.SlotStore;

/** Scheduled meetings on the server's persistent timers, against the emulator's recorders. */
@ExtendWith(ArquillianExtension.class)
class ScheduleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration PRECISION = Duration.ofMillis(1500);

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Inject
    MeetingScheduler scheduler;

    @Inject
    NanoMeet nanoMeet;

    @Inject
    SlotRunner runner;

    @Inject
    SlotStore store;

    @Inject
    CamelContext camel;

    private final List<String> schedules = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        schedules.forEach(scheduler::cancel);
        rooms.forEach(room -> nanoMeet.stopBroadcast(room.token()));
        Emulator.post("/emulator/admin/reset", Map.of(), "{}");
    }

    @Test
    void scheduledBroadcastStartsAndStopsOnTime() {
        Instant start = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        Instant stop = start.plusSeconds(3);

        ScheduledMeeting meeting = scheduler.schedule(RoomSetup.builder().room("plan_on_time")
                .streamname("PLANX-00001").validity(Duration.ofHours(1)).build(),
                List.of(InviteSetup.forParticipant(), InviteSetup.forModerator()), start, stop, true);
        schedules.add(meeting.id());

        assertThat(meeting.invites()).hasSize(2);
        assertThat(scheduler.scheduled()).extracting(ScheduledMeeting::id).contains(meeting.id());
        await().atMost(PATIENCE).until(() -> "BUSY".equals(Emulator.recorder(0).getString("busyStatus")));
        JsonObject busy = Emulator.recorder(0);
        assertThat(busy.getString("streamingTo")).isEqualTo("rtmp://bintu-vtrans.nanocosmos.de/rec/PLANX-00001");
        assertThat(Duration.between(start, Instant.parse(busy.getString("acceptedAt"))).abs())
                .as("started within a second of its instant").isLessThan(PRECISION);
        await().atMost(PATIENCE).until(() -> !Emulator.recorder(0).isNull("stoppedAt"));
        assertThat(Duration.between(stop, Instant.parse(Emulator.recorder(0).getString("stoppedAt"))).abs())
                .as("stopped within a second of its instant").isLessThan(PRECISION);
        assertThat(store.runs(meeting.id())).extracting(SlotRun::kind, SlotRun::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Slot.Kind.START, SlotRun.State.DONE),
                        org.assertj.core.groups.Tuple.tuple(Slot.Kind.STOP, SlotRun.State.DONE));
        assertThat(scheduler.scheduled()).extracting(ScheduledMeeting::id).doesNotContain(meeting.id());
    }

    @Test
    void cancelledMeetingDoesNotStart() throws Exception {
        Room room = room("plan_cancel", "CANCL-00001");
        ScheduledMeeting meeting = scheduler.schedule(room.token(), Instant.now().plusSeconds(2),
                Instant.now().plusSeconds(5), false);

        assertThat(scheduler.cancel(meeting.id())).isTrue();
        Thread.sleep(3500);

        assertThat(Emulator.recorder(0).getInt("sessions")).as("no session was started").isZero();
        assertThat(store.runs(meeting.id())).isEmpty();
        assertThat(scheduler.cancel(meeting.id())).as("nothing left to cancel").isFalse();
    }

    @Test
    void rescheduledMeetingRunsAtItsNewTime() {
        Room room = room("plan_moved", "MOVED-00001");
        ScheduledMeeting meeting = scheduler.schedule(room.token(), Instant.now().plusSeconds(600),
                Instant.now().plusSeconds(900), false);
        schedules.add(meeting.id());

        scheduler.reschedule(meeting.id(), Instant.now().plusSeconds(2), Instant.now().plusSeconds(30));

        await().atMost(PATIENCE).until(() -> nanoMeet.broadcastStatus("plan_moved").state().active());
        assertThat(scheduler.scheduled()).filteredOn(m -> m.id().equals(meeting.id()))
                .singleElement().extracting(ScheduledMeeting::pending).asList().containsExactly(Slot.Kind.STOP);
    }

    @Test
    void lateStartWithItsStopAheadRunsOnceAndEachSlotRunsOnce() {
        Room room = room("plan_late", "LATEX-00001");
        Instant start = Instant.now().minusSeconds(30);
        ScheduledMeeting meeting = scheduler.schedule(room.token(), start, Instant.now().plusSeconds(60), false);
        schedules.add(meeting.id());

        await().atMost(PATIENCE).until(() -> Emulator.recorder(0).getInt("sessions") == 1);
        Slot again = Slot.class.cast(pendingOrRun(meeting, room, start));
        assertThat(runner.run(again)).as("a slot that ran is skipped").isNull();

        assertThat(Emulator.recorder(0).getInt("sessions") + Emulator.recorder(1).getInt("sessions")).as("one broadcast, not two")
                .isEqualTo(1);
    }

    @Test
    void startWhoseStopPassedIsReportedMissed() {
        Room room = room("plan_missed", "MISSD-00001");
        Instant start = Instant.now().minusSeconds(120);
        Slot missed = new Slot("missed-" + System.nanoTime() + ":START", "missed-" + System.nanoTime(),
                Slot.Kind.START, room.room(), room.streamname(), room.token(), false, start, start.plusSeconds(60));

        SlotRun run = runner.run(missed);

        assertThat(run.state()).isEqualTo(SlotRun.State.MISSED);
        assertThat(run.detail()).contains("was missed");
        assertThat(Emulator.recorder(0).getInt("sessions")).isZero();
    }

    @Test
    void failingTimerDoesNotStopTheNext() {
        Room first = room("plan_busy_a", "BUSYA-00001");
        Room second = room("plan_busy_b", "BUSYB-00001");
        Room failing = room("plan_busy_c", "BUSYC-00001");
        Room later = room("plan_busy_d", "BUSYD-00001");
        nanoMeet.startBroadcast(first.token(), BroadcastSetup.live());
        nanoMeet.startBroadcast(second.token(), BroadcastSetup.live());
        ScheduledMeeting fails = scheduler.schedule(failing.token(), Instant.now().plusSeconds(1),
                Instant.now().plusSeconds(60), false);
        ScheduledMeeting runs = scheduler.schedule(later.token(), Instant.now().plusSeconds(4),
                Instant.now().plusSeconds(60), false);
        schedules.add(fails.id());
        schedules.add(runs.id());

        await().atMost(PATIENCE).until(() -> !store.runs(fails.id()).isEmpty());
        assertThat(store.runs(fails.id()).get(0).state()).as("all recorders were busy").isEqualTo(SlotRun.State.FAILED);
        nanoMeet.stopBroadcast(first.token());
        await().atMost(PATIENCE).until(() -> nanoMeet.broadcastStatus("plan_busy_d").state().active());
        assertThat(nanoMeet.broadcastStatus("plan_busy_c").state()).isEqualTo(BroadcastState.NONE);
    }

    @Test
    void badSchedulesAreRefusedNamingTheField() {
        Room room = room("plan_bad", "BADXX-00001");
        String participant = nanoMeet.createInvite(room.token(), InviteSetup.forParticipant()).token();
        Instant now = Instant.now();

        assertThatThrownBy(() -> scheduler.schedule(room.token(), now.plusSeconds(60), now.plusSeconds(30), false))
                .isInstanceOfSatisfying(NanoMeetInvalidInputException.class, e -> assertThat(e.field()).isEqualTo("stop"));
        assertThatThrownBy(() -> scheduler.schedule(participant, now.plusSeconds(60), now.plusSeconds(90), false))
                .isInstanceOfSatisfying(NanoMeetInvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("token"));
        assertThatThrownBy(() -> scheduler.schedule(room.token(), now.plusSeconds(7200), now.plusSeconds(7300), false))
                .isInstanceOfSatisfying(NanoMeetInvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("start"));
    }

    @Test
    void camelSchedulesAndCancels() {
        Room room = room("plan_camel", "CAMPL-00001");
        ProducerTemplate template = camel.createProducerTemplate();

        Exchange scheduled = template.request("nanomeet:schedule?vod=true", e -> {
            e.getMessage().setHeader(NanoMeetConstants.TOKEN, room.token());
            e.getMessage().setHeader(NanoMeetConstants.START, Instant.now().plusSeconds(600));
            e.getMessage().setHeader(NanoMeetConstants.STOP, Instant.now().plusSeconds(900).toString());
        });
        String id = scheduled.getMessage().getHeader(NanoMeetConstants.SCHEDULE_ID, String.class);
        schedules.add(id);

        assertThat(scheduled.getException()).isNull();
        assertThat(scheduled.getMessage().getBody(ScheduledMeeting.class).vod()).isTrue();
        assertThat(scheduler.scheduled()).extracting(ScheduledMeeting::id).contains(id);
        assertThat(template.requestBodyAndHeader("nanomeet:cancelSchedule", null, NanoMeetConstants.SCHEDULE_ID, id,
                Boolean.class)).isTrue();
        assertThat(scheduler.scheduled()).extracting(ScheduledMeeting::id).doesNotContain(id);
        assertThatThrownBy(() -> camel.getEndpoint("nanomeet:schedule?start=tomorrow"))
                .hasMessageContaining("start must be");
    }

    @Test
    void readinessCountsScheduledMeetings() {
        Room room = room("plan_ready", "READY-00001");
        ScheduledMeeting meeting = scheduler.schedule(room.token(), Instant.now().plusSeconds(600),
                Instant.now().plusSeconds(900), false);
        schedules.add(meeting.id());

        Emulator.Answer ready = Emulator.get(URI.create("http://localhost:9080/health/ready"));

        assertThat(ready.body()).contains("\"nanomeet-schedule\"").contains("scheduledMeetings");
        assertThat(ready.status()).isEqualTo(200);
    }

    private Object pendingOrRun(ScheduledMeeting meeting, Room room, Instant start) {
        String key = meeting.id() + ":START:" + start.toEpochMilli();
        return new Slot(key, meeting.id(), Slot.Kind.START, room.room(), room.streamname(), room.token(), false, start,
                meeting.stop());
    }

    private Room room(String name, String streamname) {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room(name).streamname(streamname)
                .validity(Duration.ofHours(1)).build());
        rooms.add(room);
        return room;
    }
}

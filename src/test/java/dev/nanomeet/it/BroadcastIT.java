package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.Broadcast;
import dev.nanomeet.BroadcastSetup;
import dev.nanomeet.BroadcastState;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetBusyException;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.camel.NanoMeetConstants;

/** Broadcasts through the emulator's Jibri recorders: states, links, the pool, and the Camel endpoints. */
@ExtendWith(ArquillianExtension.class)
class BroadcastIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String LIVE = "https://demo.nanocosmos.de/nanoplayer/release/nanoplayer.html?bintu.streamname=";

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Inject
    NanoMeet nanoMeet;

    @Inject
    CamelContext camel;

    private final List<Room> rooms = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        rooms.forEach(room -> nanoMeet.stopBroadcast(room.token()));
        Emulator.post("/emulator/admin/reset", Map.of(), "{}");
    }

    @Test
    void liveBroadcastRunsAndStopsWithTheExactLinks() {
        Room room = room("cast_live", "LIVEX-00001");

        Broadcast started = nanoMeet.startBroadcast(room.token(), BroadcastSetup.live());

        assertThat(started.state()).as("a 200 from startService is only ACCEPTED").isEqualTo(BroadcastState.ACCEPTED);
        assertThat(started.ingest()).isEqualTo("rtmp://bintu-vtrans.nanocosmos.de/live/LIVEX-00001");
        assertThat(started.liveUrl()).isEqualTo(LIVE + "LIVEX-00001");
        assertThat(started.vodUrl()).as("not recorded").isNull();
        assertThat(started.recorder()).isEqualTo(Deployments.RECORDER_0);
        assertThat(started.toString()).doesNotContain(started.ingest());
        JsonObject recorder = Emulator.recorder(0);
        assertThat(recorder.getString("streamingTo")).isEqualTo(started.ingest());
        assertThat(recorder.getString("callUrl")).isEqualTo("https://nanomeet-eu.nanocosmos.de/emulator/cast_live");
        assertThat(recorder.getString("username")).isEqualTo("recorder");
        assertThat(recorder.toString()).doesNotContain(Deployments.RECORDER_PASSWORD);

        await().atMost(PATIENCE).until(() -> nanoMeet.broadcastStatus("cast_live").state() == BroadcastState.RUNNING);
        assertThat(nanoMeet.broadcasts()).extracting(Broadcast::room).contains("cast_live");
        Broadcast stopped = nanoMeet.stopBroadcast(room.token());

        assertThat(stopped.state()).isEqualTo(BroadcastState.STOPPED);
        assertThat(stopped.startedAt()).isNotNull();
        assertThat(stopped.stoppedAt()).isNotNull();
        assertThat(Emulator.recorder(0).getString("busyStatus")).isEqualTo("IDLE");
        assertThat(nanoMeet.stopBroadcast(room.token()).state()).as("a second stop is harmless")
                .isEqualTo(BroadcastState.STOPPED);
    }

    @Test
    void recordedBroadcastStreamsToRecAndHasAVodLink() {
        Room room = room("cast_vod", "VODXX-00001");

        Broadcast started = nanoMeet.startBroadcast(room.token(), BroadcastSetup.recorded());

        assertThat(started.ingest()).isEqualTo("rtmp://bintu-vtrans.nanocosmos.de/rec/VODXX-00001");
        assertThat(started.vodUrl()).isEqualTo("https://bintu-vod.nanocosmos.de/vod/VODXX-00001.mp4");
        assertThat(started.liveUrl()).isEqualTo(LIVE + "VODXX-00001");
        await().atMost(PATIENCE).until(() -> nanoMeet.broadcastStatus("cast_vod").state() == BroadcastState.RUNNING);
    }

    @Test
    void participantTokenMayNotBroadcast() {
        Room room = room("cast_participant", "PARTX-00001");
        String participant = nanoMeet.createInvite(room.token(), InviteSetup.forParticipant()).token();
        int calls = Emulator.callCount();

        assertThatThrownBy(() -> nanoMeet.startBroadcast(participant, BroadcastSetup.live()))
                .isInstanceOfSatisfying(NanoMeetInvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("token");
                    assertThat(e.operation()).isEqualTo("start broadcast");
                });
        assertThat(Emulator.callCount()).as("no recorder was asked").isEqualTo(calls);
    }

    @Test
    void poolOfTwoTakesTwoBroadcastsAndRefusesTheThird() {
        Room first = room("cast_pool_a", "POOLA-00001");
        Room second = room("cast_pool_b", "POOLB-00001");
        Room third = room("cast_pool_c", "POOLC-00001");

        Broadcast a = nanoMeet.startBroadcast(first.token(), BroadcastSetup.live());
        Broadcast b = nanoMeet.startBroadcast(second.token(), BroadcastSetup.live());

        assertThat(a.recorder()).isEqualTo(Deployments.RECORDER_0);
        assertThat(b.recorder()).as("the first is busy: the second recorder").isEqualTo(Deployments.RECORDER_1);
        assertThatThrownBy(() -> nanoMeet.startBroadcast(third.token(), BroadcastSetup.live()))
                .isInstanceOfSatisfying(NanoMeetBusyException.class, e -> {
                    assertThat(e.operation()).isEqualTo("start broadcast");
                    assertThat(e.getMessage()).contains("all 2 recorders are busy");
                });
        assertThat(nanoMeet.broadcastStatus("cast_pool_c").state()).isEqualTo(BroadcastState.NONE);
    }

    @Test
    void stoppingARoomThatIsNotBroadcastingSucceedsAndSaysSo() {
        Room room = room("cast_idle", "IDLEX-00001");

        Broadcast stopped = nanoMeet.stopBroadcast(room.token());

        assertThat(stopped.state()).isEqualTo(BroadcastState.NONE);
        assertThat(stopped.room()).isEqualTo("cast_idle");
        assertThat(nanoMeet.stopBroadcast(room.token()).state()).isEqualTo(BroadcastState.NONE);
    }

    @Test
    void sessionThatEndsOnItsOwnFailsAndTheConsumerEmitsIt() throws Exception {
        List<Exchange> events = new CopyOnWriteArrayList<>();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("nanomeet:broadcastEvents?delay=200").routeId("it-broadcast-events").process(events::add);
            }
        });
        Emulator.post("/emulator/admin/recorders/0", Map.of(), "{\"failAfterSeconds\": 1}");
        Room room = room("cast_fail", "FAILX-00001");

        nanoMeet.startBroadcast(room.token(), BroadcastSetup.live());

        try {
            await().atMost(PATIENCE).until(() -> events.stream().anyMatch(e -> "cast_fail".equals(
                    e.getMessage().getHeader(NanoMeetConstants.ROOM))
                    && e.getMessage().getHeader(NanoMeetConstants.BROADCAST_STATE) == BroadcastState.FAILED));
            Exchange failed = events.stream().filter(e -> e.getMessage().getHeader(NanoMeetConstants.BROADCAST_STATE)
                    == BroadcastState.FAILED).findFirst().orElseThrow();
            assertThat(failed.getMessage().getHeader(NanoMeetConstants.PREVIOUS_STATE))
                    .isEqualTo(BroadcastState.RUNNING);
            assertThat(failed.getMessage().getHeader(NanoMeetConstants.RECORDER)).isEqualTo(Deployments.RECORDER_0);
            assertThat(failed.getMessage().getBody(Broadcast.class).reason()).contains("stopped streaming");
            assertThat(events).extracting(e -> e.getMessage().getHeader(NanoMeetConstants.BROADCAST_STATE))
                    .containsSubsequence(BroadcastState.ACCEPTED, BroadcastState.RUNNING, BroadcastState.FAILED);
            assertThat(nanoMeet.broadcastStatus("cast_fail").state()).isEqualTo(BroadcastState.FAILED);
        } finally {
            camel.getRouteController().stopRoute("it-broadcast-events");
            camel.removeRoute("it-broadcast-events");
        }
    }

    @Test
    void recorderThatNeverStartsStreamingFailsAfterTheDeadline() {
        Emulator.post("/emulator/admin/recorders/0", Map.of(), "{\"startDelayMillis\": 60000}");
        Room room = room("cast_slow", "SLOWX-00001");

        nanoMeet.startBroadcast(room.token(), BroadcastSetup.live());

        await().atMost(PATIENCE).until(() -> nanoMeet.broadcastStatus("cast_slow").state() == BroadcastState.FAILED);
        assertThat(nanoMeet.broadcastStatus("cast_slow").reason()).contains("did not start streaming within PT3S");
    }

    @Test
    void legacyHealthIsReadToo() {
        Emulator.post("/emulator/admin/recorders/0", Map.of(), "{\"legacyHealth\": true}");
        Room room = room("cast_legacy", "LEGCY-00001");

        nanoMeet.startBroadcast(room.token(), BroadcastSetup.live());

        await().atMost(PATIENCE).until(() -> nanoMeet.broadcastStatus("cast_legacy").state() == BroadcastState.RUNNING);
    }

    @Test
    void camelEndpointsStartReadAndStopWithHeaders() {
        Room room = room("cast_camel", "CAMEL-00009");

        Exchange started = camel.createProducerTemplate().request("nanomeet:startBroadcast?vod=true",
                e -> e.getMessage().setHeader(NanoMeetConstants.TOKEN, room.token()));
        await().atMost(PATIENCE).until(() -> camel.createProducerTemplate().requestBodyAndHeader(
                "nanomeet:broadcastStatus", null, NanoMeetConstants.ROOM, "cast_camel", Broadcast.class).state()
                == BroadcastState.RUNNING);
        Exchange stopped = camel.createProducerTemplate().request("nanomeet:stopBroadcast",
                e -> e.getMessage().setHeader(NanoMeetConstants.TOKEN, room.token()));

        assertThat(started.getException()).isNull();
        assertThat(started.getMessage().getBody(Broadcast.class).state()).isEqualTo(BroadcastState.ACCEPTED);
        assertThat(started.getMessage().getHeader(NanoMeetConstants.LIVE_URL)).isEqualTo(LIVE + "CAMEL-00009");
        assertThat(started.getMessage().getHeader(NanoMeetConstants.VOD_URL))
                .isEqualTo("https://bintu-vod.nanocosmos.de/vod/CAMEL-00009.mp4");
        assertThat(started.getMessage().getHeader(NanoMeetConstants.RECORDER)).isEqualTo(Deployments.RECORDER_0);
        assertThat(stopped.getMessage().getHeader(NanoMeetConstants.BROADCAST_STATE))
                .isEqualTo(BroadcastState.STOPPED);
    }

    private Room room(String name, String streamname) {
        Room room = nanoMeet.createRoom(RoomSetup.builder().room(name).streamname(streamname)
                .validity(Duration.ofHours(1)).build());
        rooms.add(room);
        return room;
    }
}

package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.nanomeet.BroadcastState;
import dev.nanomeet.Invite;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.NanoMeetInvalidInputException;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;
import dev.nanomeet.Secrets;
import dev.nanomeet.camel.NanoMeetConstants;
import dev.nanomeet.camel.NanoMeetMaskingFormatter;
import dev.nanomeet.camel.RouteFiles;

/** The {@code nanomeet:} endpoints and the CDI bootstrap of Camel, in the running application. */
@ExtendWith(ArquillianExtension.class)
class CamelIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Inject
    CamelContext camel;

    @Inject
    NanoMeet nanoMeet;

    @Test
    void bootstrapLoadedTheProjectRoutesAndIsReady() {
        assertThat(camel.getRoute("meeting-requests")).as("the route of camel-routes/meeting-requests.yaml")
                .isNotNull();
        Emulator.Answer ready = Emulator.get(URI.create("http://localhost:9080/health/ready"));
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"nanomeet-camel\"");
    }

    @Test
    void exampleRoutesInYamlXmlAndJavaRun() {
        Room room = template().requestBody("nanomeet:createRoom?room=camel_many&streamname=CAMEL-00012", null,
                Room.class);

        List<?> invites = template().requestBodyAndHeader("direct:invite-many", List.of("Bob", "Cy", "Dee", "Eve"),
                NanoMeetConstants.TOKEN, room.token(), List.class);
        Exchange status = template().request("direct:broadcast-status", e -> e.getMessage().setBody("camel_many"));

        assertThat(invites).hasSize(4).allSatisfy(invite -> assertThat(((Invite) invite).room()).isEqualTo("camel_many"));
        assertThat(status.getMessage().getHeader(NanoMeetConstants.BROADCAST_STATE)).isEqualTo(BroadcastState.NONE);
        assertThat(camel.getRoute("broadcast-alerts")).as("the Java DSL route of a CDI bean").isNotNull();
    }

    @Test
    void callsAreCountedTimedAndSortedByOutcomeInMetrics() {
        template().requestBody("nanomeet:createRoom?room=camel_metrics&streamname=CAMEL-00013", null, Room.class);
        template().request("nanomeet:createRoom", e -> e.getMessage().setHeader(NanoMeetConstants.ROOM, "bad one"));

        String metrics = Emulator.get(URI.create("http://localhost:9080/metrics?scope=application")).body();

        assertThat(metrics).contains("nanomeet_calls_total").contains("nanomeet_call_seconds");
        assertThat(lines(metrics, "nanomeet_calls_total", "operation=\"create room token\"", "outcome=\"success\""))
                .as("remote calls that succeeded").isNotEmpty();
        assertThat(lines(metrics, "nanomeet_calls_total", "service=\"camel\"", "operation=\"createRoom\"",
                "outcome=\"NanoMeetInvalidInputException\"")).as("Camel operations that failed, by type").isNotEmpty();
    }

    private static List<String> lines(String metrics, String... parts) {
        return metrics.lines().filter(line -> Arrays.stream(parts).allMatch(line::contains)).toList();
    }

    @Test
    void createRoomTakesItsUriOptions() {
        Exchange exchange = template().request("nanomeet:createRoom?room=camel_a&streamname=CAMEL-00001"
                + "&validity=PT1H", e -> { });

        Room room = exchange.getMessage().getBody(Room.class);
        assertThat(room.room()).isEqualTo("camel_a");
        assertThat(room.streamname()).isEqualTo("CAMEL-00001");
        assertThat(Duration.between(room.notBefore(), room.expiration())).isEqualTo(Duration.ofHours(1));
        assertThat(exchange.getMessage().getHeader(NanoMeetConstants.TOKEN)).isEqualTo(room.token());
        assertThat(exchange.getMessage().getHeader(NanoMeetConstants.ROOM)).isEqualTo("camel_a");
        assertThat(exchange.getMessage().getHeader(NanoMeetConstants.STREAMNAME)).isEqualTo("CAMEL-00001");
    }

    @Test
    void headersOverrideOptionsAndMapBodies() {
        Room fromHeader = template().requestBodyAndHeaders("nanomeet:createRoom?room=camel_b&streamname=CAMEL-00002",
                null, Map.of(NanoMeetConstants.ROOM, "camel_header", NanoMeetConstants.VALIDITY, "PT30M"), Room.class);
        Room fromMap = template().requestBody("nanomeet:createRoom?room=camel_b",
                Map.of("room", "camel_map", "streamname", "CAMEL-00003", "moderator", false), Room.class);
        Room fromSetup = template().requestBody("nanomeet:createRoom?room=camel_b",
                RoomSetup.builder().room("camel_setup").streamname("CAMEL-00004").build(), Room.class);

        assertThat(fromHeader.room()).isEqualTo("camel_header");
        assertThat(Duration.between(fromHeader.notBefore(), fromHeader.expiration())).isEqualTo(Duration.ofMinutes(30));
        assertThat(fromMap.room()).isEqualTo("camel_map");
        assertThat(fromMap.moderator()).isFalse();
        assertThat(fromSetup.room()).isEqualTo("camel_setup");
    }

    @Test
    void createInviteUsesTheTokenCreateRoomLeft() {
        Exchange exchange = template().request("nanomeet:createRoom?room=camel_invite&streamname=CAMEL-00005", e -> { });
        exchange.getMessage().setBody(null);

        Exchange invited = template().send("nanomeet:createInvite?moderator=true", exchange);

        Invite invite = invited.getMessage().getBody(Invite.class);
        assertThat(invite.room()).isEqualTo("camel_invite");
        assertThat(invite.moderator()).isTrue();
        assertThat(invited.getMessage().getHeader(NanoMeetConstants.INVITE_TOKEN)).isEqualTo(invite.token());
        assertThat(invited.getMessage().getHeader(NanoMeetConstants.INVITE_LINK)).isEqualTo(invite.inviteLink());
        assertThat(nanoMeet.claims(invite.token()).moderator()).isTrue();
    }

    @Test
    void loggedExchangesShowNoSecret() {
        Exchange exchange = template().request("nanomeet:createRoom?room=camel_log&streamname=CAMEL-00010", e -> { });
        Room room = exchange.getMessage().getBody(Room.class);

        template().send("log:dev.nanomeet.it.leak?showAll=true&multiline=true", exchange);

        String masked = new NanoMeetMaskingFormatter().format("CamelNanoMeetToken=" + room.token()
                + ", ingest rtmp://bintu-vtrans.nanocosmos.de/live/CAMEL-00010");
        assertThat(masked).as("the mask the bootstrap installs").doesNotContain(room.token())
                .doesNotContain("live/CAMEL-00010");
        assertThat(new NanoMeetMaskingFormatter().format("invite " + room.token())).as("a token outside a key=value")
                .isEqualTo("invite " + Secrets.mask(room.token()));
        assertThat(camel.isLogMask()).isTrue();
    }

    @Test
    void badInputReachesTheRouteAsTypedError() {
        Exchange exchange = template().request("nanomeet:createRoom", e -> e.getMessage()
                .setHeader(NanoMeetConstants.ROOM, "not allowed!"));

        assertThat(exchange.getException()).isInstanceOfSatisfying(NanoMeetInvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("room"));
    }

    @Test
    void onExceptionSeesTheTypedErrorAndTheOriginalRequest() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:it-typed").routeId("it-typed")
                        .onException(NanoMeetInvalidInputException.class).handled(true)
                            .setHeader("refusedField", simple("${exception.field}"))
                        .end()
                        .to("nanomeet:createRoom");
            }
        });
        Map<String, Object> request = Map.of("room", "not allowed!", "streamname", "CAMEL-00011");

        try {
            Exchange result = template().request("direct:it-typed", e -> e.getMessage().setBody(request));

            assertThat(result.getMessage().getHeader("refusedField")).isEqualTo("room");
            assertThat(result.getMessage().getBody()).as("the original request stays").isEqualTo(request);
        } finally {
            camel.getRouteController().stopRoute("it-typed");
            camel.removeRoute("it-typed");
        }
    }

    @Test
    void unknownOrMalformedOptionsFailNamingThem() {
        assertThatThrownBy(() -> camel.getEndpoint("nanomeet:createRoom?colour=red"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> camel.getEndpoint("nanomeet:createRoom?nbf=2026-12-10T09:00:00"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("nbf must be");
        assertThatThrownBy(() -> camel.getEndpoint("nanomeet:createRoom?room=bad-room"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("room must be");
        assertThatThrownBy(() -> camel.getEndpoint("nanomeet:deleteRoom"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("operation must be one of createRoom, createInvite");
    }

    @Test
    void routeFilesLoadYamlAndXmlAndNameABadFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "- route:\n    id: from-yaml\n    from:\n      uri: direct:yaml\n"
                + "      steps:\n        - setBody:\n            constant: yaml\n");
        Files.writeString(dir.resolve("b.xml"), "<routes xmlns=\"http://camel.apache.org/schema/xml-io\">"
                + "<route id=\"from-xml\"><from uri=\"direct:xml\"/><setBody><constant>xml</constant></setBody>"
                + "</route></routes>");
        Files.writeString(dir.resolve("notes.txt"), "not a route");

        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.start();
            List<Path> loaded = RouteFiles.load(other, dir);
            assertThat(loaded).extracting(p -> p.getFileName().toString()).containsExactly("a.yaml", "b.xml");
            assertThat(other.createProducerTemplate().requestBody("direct:xml", "", String.class)).isEqualTo("xml");
            assertThat(other.createProducerTemplate().requestBody("direct:yaml", "", String.class)).isEqualTo("yaml");
        }

        Files.writeString(dir.resolve("c.yaml"), "- route:\n    from:\n      uri: direct:bad\n      steps:\n"
                + "        - noSuchStep: {}\n");
        try (DefaultCamelContext other = new DefaultCamelContext()) {
            other.start();
            assertThatThrownBy(() -> RouteFiles.load(other, dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("c.yaml");
        }
    }

    private ProducerTemplate template() {
        return camel.createProducerTemplate();
    }
}

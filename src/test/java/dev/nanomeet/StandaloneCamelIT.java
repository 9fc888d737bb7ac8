package dev.nanomeet;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.nanomeet.camel.NanoMeetConstants;

/**
 * The component outside an application server: a plain Camel Main, no CDI container, configured by
 * {@code camel.component.nanomeet.*} properties; it builds its own REST clients and talks to the emulator of a
 * second server.
 */
class StandaloneCamelIT {

    private static final SecondServer SERVER = new SecondServer("nanomeet-standalone", 9182);

    @BeforeAll
    static void startServer() throws Exception {
        SERVER.create().start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        SERVER.stop();
    }

    @Test
    void camelMainCreatesRoomsAndInvitesFromItsProperties() throws Exception {
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:meeting")
                        .to("nanomeet:createRoom?streamname=MAINX-00001&validity=PT1H")
                        .setBody(constant((Object) null))
                        .to("nanomeet:createInvite");
            }
        });
        String emulator = SERVER.url() + "/nanomeet/emulator";
        main.addInitialProperty("camel.component.nanomeet.api-key", "emulator-api-key");
        main.addInitialProperty("camel.component.nanomeet.token-service-url", emulator + "/token");
        main.addInitialProperty("camel.component.nanomeet.bintu-url", emulator + "/bintu");
        main.addInitialProperty("camel.component.nanomeet.invite-page", "https://meet.example.com/join");
        main.addInitialProperty("camel.component.nanomeet.configuration.room", "main_room");

        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            Invite invite = template.requestBody("direct:meeting", null, Invite.class);

            assertThat(invite.room()).isEqualTo("main_room");
            assertThat(invite.moderator()).isFalse();
            assertThat(invite.inviteLink()).isEqualTo("https://meet.example.com/join?token=" + invite.token());
            assertThat(Tokens.claims(invite.token()).streamname()).isEqualTo("MAINX-00001");
            assertThat(main.getCamelContext().getRegistry().findByType(NanoMeet.class)).as("no NanoMeet bean")
                    .isEmpty();
            assertThat(NanoMeetConstants.TOKEN).isEqualTo("CamelNanoMeetToken");
        } finally {
            main.stop();
        }
    }
}

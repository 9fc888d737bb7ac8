package dev.nanomeet.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.nanomeet.NanoMeet;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;

@ExtendWith(ArquillianExtension.class)
class SmokeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.module();
    }

    @Inject
    NanoMeet nanoMeet;

    @Test
    void createsRoom() {
        Room room = nanoMeet.createRoom(RoomSetup.of("smoke_room"));
        assertThat(room.room()).isEqualTo("smoke_room");
        assertThat(nanoMeet.claims(room.token()).room()).isEqualTo("smoke_room");
    }
}

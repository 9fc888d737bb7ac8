package dev.nanomeet.meetings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import dev.nanomeet.Invite;
import dev.nanomeet.InviteSetup;
import dev.nanomeet.NanoMeet;
import dev.nanomeet.Room;
import dev.nanomeet.RoomSetup;

/**
 * The steps of the meeting-request route ({@code camel-routes/meeting-requests.yaml}) that are about meetings rather
 * than about nanoMeet: reading a request, what to ask for, and the invitations file.
 */
@Named("meetingRequests")
@ApplicationScoped
public class MeetingRequests {

    @Inject
    NanoMeet nanoMeet;

    private final Clock clock = Clock.systemUTC();
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    /** Reads and checks a request, applying the configured server and default validity. */
    public MeetingRequest parse(@Body String json) {
        MeetingRequestParser parser = new MeetingRequestParser(nanoMeet.settings().server(),
                nanoMeet.settings().defaultValidity());
        return parser.parse(json, clock.instant());
    }

    /** The room to create for a request: the host's, as moderator, for the request's window. */
    public RoomSetup roomSetup(@Body MeetingRequest request) {
        return RoomSetup.builder()
                .room(request.room())
                .server(request.server())
                .moderator(true)
                .notBefore(request.notBefore())
                .expires(request.expires())
                .build();
    }

    /** The invite to mint for a participant: their role, the room's window. */
    public InviteSetup inviteSetup(@Body MeetingRequest.Person person) {
        return person.role().isModerator() ? InviteSetup.forModerator() : InviteSetup.forParticipant();
    }

    /** The invitation of a participant, from the invite minted for them. */
    public Invitation invitation(@ExchangeProperty("participant") MeetingRequest.Person person, @Body Invite invite) {
        return new Invitation(person.name(), person.role().name(), invite.inviteLink(), invite.notBefore(),
                invite.expires());
    }

    /**
     * The invitations file: room, server, stream and one invitation each, the host first with the room's own
     * moderator token.
     */
    public String invitationsFile(@ExchangeProperty("meetingRequest") MeetingRequest request,
            @ExchangeProperty("room") Room room, @Body Object invites) {
        List<Invitation> invitations = new ArrayList<>();
        invitations.add(new Invitation(request.host().name(), MeetingRequest.Role.moderator.name(),
                nanoMeet.settings().linkFor(room.token()), room.notBefore(), room.expiration()));
        if (invites instanceof List<?> list) {
            for (Object item : list) {
                invitations.add((Invitation) item);
            }
        }

        Map<String, Object> file = new LinkedHashMap<>();
        file.put("room", room.room());
        file.put("server", room.server());
        file.put("streamname", room.streamname());
        file.put("invitations", invitations.stream().map(MeetingRequests::entry).toList());
        return jsonb.toJson(file);
    }

    private static Map<String, Object> entry(Invitation invitation) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", invitation.name());
        entry.put("role", invitation.role());
        entry.put("inviteLink", invitation.inviteLink());
        entry.put("notBefore", invitation.notBefore().toString());
        entry.put("expires", invitation.expires().toString());
        return entry;
    }
}

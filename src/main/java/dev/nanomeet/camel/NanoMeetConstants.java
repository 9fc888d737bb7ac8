package dev.nanomeet.camel;

import org.apache.camel.spi.Metadata;

/** The headers the {@code nanomeet:} endpoints read and set. */
public final class NanoMeetConstants {

    @Metadata(description = "The room name; overrides the room option and the body.", javaType = "String")
    public static final String ROOM = "CamelNanoMeetRoom";
    @Metadata(description = "The meeting server host; overrides the server option and the body.", javaType = "String")
    public static final String SERVER = "CamelNanoMeetServer";
    @Metadata(description = "The passthrough stream name of a room; set by createRoom.", javaType = "String")
    public static final String STREAMNAME = "CamelNanoMeetStreamname";
    @Metadata(description = "Whether the new token is a moderator's; overrides the moderator option.",
              javaType = "Boolean")
    public static final String MODERATOR = "CamelNanoMeetModerator";
    @Metadata(description = "When the new token becomes valid: an Instant or ISO-8601 text with an offset.",
              javaType = "java.time.Instant")
    public static final String NOT_BEFORE = "CamelNanoMeetNotBefore";
    @Metadata(description = "When the new token expires: an Instant or ISO-8601 text with an offset.",
              javaType = "java.time.Instant")
    public static final String EXPIRES = "CamelNanoMeetExpires";
    @Metadata(description = "How long the new token is valid when no expiry is given: a Duration or ISO-8601 text.",
              javaType = "java.time.Duration")
    public static final String VALIDITY = "CamelNanoMeetValidity";
    @Metadata(description = "The room's moderator token: set by createRoom, read by createInvite (over the token "
            + "option). A secret: never log it.", javaType = "String", secret = true)
    public static final String TOKEN = "CamelNanoMeetToken";
    @Metadata(description = "The invite token createInvite made. A secret: never log it.", javaType = "String",
              secret = true)
    public static final String INVITE_TOKEN = "CamelNanoMeetInviteToken";
    @Metadata(description = "The invite link createInvite made (it holds the invite token).", javaType = "String",
              secret = true)
    public static final String INVITE_LINK = "CamelNanoMeetInviteLink";

    @Metadata(description = "Whether the broadcast is recorded for VOD; overrides the vod option.", javaType = "Boolean")
    public static final String VOD = "CamelNanoMeetVod";
    @Metadata(description = "The base URL of the recorder that runs (or should run) the broadcast.",
              javaType = "String")
    public static final String RECORDER = "CamelNanoMeetRecorder";
    @Metadata(description = "The state of the broadcast: NONE, ACCEPTED, RUNNING, FAILED or STOPPED.",
              javaType = "dev.nanomeet.BroadcastState")
    public static final String BROADCAST_STATE = "CamelNanoMeetBroadcastState";
    @Metadata(description = "The state a broadcast left (broadcastEvents).", javaType = "dev.nanomeet.BroadcastState")
    public static final String PREVIOUS_STATE = "CamelNanoMeetPreviousState";
    @Metadata(description = "The live playout link of the broadcast.", javaType = "String")
    public static final String LIVE_URL = "CamelNanoMeetLiveUrl";
    @Metadata(description = "The VOD link of a recorded broadcast.", javaType = "String")
    public static final String VOD_URL = "CamelNanoMeetVodUrl";

    @Metadata(description = "When schedule starts the broadcast: an Instant or ISO-8601 text with an offset.",
              javaType = "java.time.Instant")
    public static final String START = "CamelNanoMeetStart";
    @Metadata(description = "When schedule stops the broadcast: an Instant or ISO-8601 text with an offset.",
              javaType = "java.time.Instant")
    public static final String STOP = "CamelNanoMeetStop";
    @Metadata(description = "The id of a schedule: set by schedule, read by cancelSchedule.", javaType = "String")
    public static final String SCHEDULE_ID = "CamelNanoMeetScheduleId";

    private NanoMeetConstants() {
    }
}

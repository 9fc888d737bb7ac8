package dev.nanomeet.camel;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

import dev.nanomeet.Secrets;

/** The options of a {@code nanomeet:} endpoint. Headers override them message by message. */
@UriParams
public class NanoMeetConfiguration implements Cloneable {

    @UriPath(description = "What the endpoint does",
             enums = "createRoom,createInvite,startBroadcast,stopBroadcast,broadcastStatus,schedule,cancelSchedule,"
                     + "broadcastEvents")
    @Metadata(required = true)
    private String operation;

    @UriParam(label = "producer", description = "The room name (a-z, A-Z, 0-9, _) for createRoom")
    private String room;

    @UriParam(label = "producer", description = "The meeting server host; the configured nanomeet.server when unset")
    private String server;

    @UriParam(label = "producer", description = "The passthrough stream name; a stream is created when unset")
    private String streamname;

    @UriParam(label = "producer", description = "Whether the new token is a moderator's; createRoom defaults to "
            + "true, createInvite to false")
    private Boolean moderator;

    @UriParam(label = "producer", description = "When the new token becomes valid, ISO-8601 with an offset; now "
            + "(createRoom) or the parent's (createInvite) when unset")
    private String nbf;

    @UriParam(label = "producer", description = "When the new token expires, ISO-8601 with an offset")
    private String exp;

    @UriParam(label = "producer", description = "How long the new token is valid when exp is unset, ISO-8601 such "
            + "as PT2H; the configured default validity (createRoom) or the parent's (createInvite) when unset")
    private String validity;

    @UriParam(label = "security", secret = true, description = "The moderator token createInvite uses when the "
            + "CamelNanoMeetToken header is not set")
    private String token;

    @UriParam(label = "producer", defaultValue = "false", description = "Whether startBroadcast records the stream "
            + "for VOD")
    private Boolean vod;

    @UriParam(label = "producer", description = "The base URL of the recorder startBroadcast uses, one of "
            + "nanomeet.recorders; an idle one when unset")
    private String recorder;

    @UriParam(label = "producer", description = "When schedule starts the broadcast, ISO-8601 with an offset")
    private String start;

    @UriParam(label = "producer", description = "When schedule stops the broadcast, ISO-8601 with an offset")
    private String stop;

    @UriParam(label = "producer", description = "The schedule cancelSchedule cancels, when the "
            + "CamelNanoMeetScheduleId header is not set")
    private String scheduleId;

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getStop() {
        return stop;
    }

    public void setStop(String stop) {
        this.stop = stop;
    }

    public String getScheduleId() {
        return scheduleId;
    }

    public void setScheduleId(String scheduleId) {
        this.scheduleId = scheduleId;
    }

    public Boolean getVod() {
        return vod;
    }

    public void setVod(Boolean vod) {
        this.vod = vod;
    }

    public String getRecorder() {
        return recorder;
    }

    public void setRecorder(String recorder) {
        this.recorder = recorder;
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public String getRoom() {
        return room;
    }

    public void setRoom(String room) {
        this.room = room;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public String getStreamname() {
        return streamname;
    }

    public void setStreamname(String streamname) {
        this.streamname = streamname;
    }

    public Boolean getModerator() {
        return moderator;
    }

    public void setModerator(Boolean moderator) {
        this.moderator = moderator;
    }

    public String getNbf() {
        return nbf;
    }

    public void setNbf(String nbf) {
        this.nbf = nbf;
    }

    public String getExp() {
        return exp;
    }

    public void setExp(String exp) {
        this.exp = exp;
    }

    public String getValidity() {
        return validity;
    }

    public void setValidity(String validity) {
        this.validity = validity;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    /** A copy an endpoint may change without touching the component's defaults. */
    public NanoMeetConfiguration copy() {
        try {
            return (NanoMeetConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "NanoMeetConfiguration[operation=" + operation + ", room=" + room + ", server=" + server
                + ", token=" + Secrets.mask(token) + "]";
    }
}

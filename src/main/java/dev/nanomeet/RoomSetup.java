package dev.nanomeet;

import java.time.Duration;
import java.time.Instant;

/**
 * What a new room looks like: the seed's {@code roomSetUp}. Every part but the room is optional here; the
 * {@link NanoMeet} bean fills in the configured server, a new stream, now, and the default validity.
 *
 * @param room       the room name, {@code a-z A-Z 0-9 _}
 * @param server     the meeting server host, for example {@code nanomeet-eu.nanocosmos.de}; null for the default
 * @param streamname the passthrough stream name; null to create a stream
 * @param moderator  whether the token may invite, kick and broadcast
 * @param notBefore  when the token becomes valid; null for now
 * @param expires    when the token expires; null for {@code notBefore} plus {@code validity}
 * @param validity   how long the token is valid when no {@code expires} is given; null for the configured default
 */
public record RoomSetup(String room, String server, String streamname, boolean moderator, Instant notBefore,
        Instant expires, Duration validity) {

    /** A moderator's room with every other part left to the defaults. */
    public static RoomSetup of(String room) {
        return builder().room(room).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy to change some parts of. */
    public Builder toBuilder() {
        return new Builder().room(room).server(server).streamname(streamname).moderator(moderator)
                .notBefore(notBefore).expires(expires).validity(validity);
    }

    /** Builds a {@link RoomSetup}; string forms of instants and durations are checked as they are set. */
    public static final class Builder {
        private String room;
        private String server;
        private String streamname;
        private boolean moderator = true;
        private Instant notBefore;
        private Instant expires;
        private Duration validity;

        private Builder() {
        }

        public Builder room(String value) {
            this.room = value;
            return this;
        }

        public Builder server(String value) {
            this.server = value;
            return this;
        }

        public Builder streamname(String value) {
            this.streamname = value;
            return this;
        }

        public Builder moderator(boolean value) {
            this.moderator = value;
            return this;
        }

        public Builder notBefore(Instant value) {
            this.notBefore = value;
            return this;
        }

        /** Sets nbf from ISO-8601 text with an offset or Z. */
        public Builder notBefore(String value) {
            return notBefore(value == null ? null : Iso8601.instant("nbf", value));
        }

        public Builder expires(Instant value) {
            this.expires = value;
            return this;
        }

        /** Sets exp from ISO-8601 text with an offset or Z. */
        public Builder expires(String value) {
            return expires(value == null ? null : Iso8601.instant("exp", value));
        }

        public Builder validity(Duration value) {
            this.validity = value;
            return this;
        }

        public RoomSetup build() {
            return new RoomSetup(room, server, streamname, moderator, notBefore, expires, validity);
        }
    }
}

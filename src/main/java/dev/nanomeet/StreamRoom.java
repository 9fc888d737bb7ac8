package dev.nanomeet;

/** A room and the live stream made for it: what the seed's token creator shows. */
public record StreamRoom(Room room, LiveStream stream) {
}

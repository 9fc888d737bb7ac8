package dev.nanomeet.client;

import java.util.List;

/** The body of {@code POST /stream}: tags and the transcoding profiles for adaptive playback. */
public record StreamRequest(List<String> tags, List<Transcode> transcodes) {

    /** One transcoding profile, for example {@code vtrans2-852x480x800x25}. */
    public record Transcode(String profile) {
    }
}

package dev.nanomeet.client;

import java.util.List;

/** The parts of a created stream that the module uses: its id, ingest stream name and playouts. */
public record StreamResponse(String id, Ingest ingest, Playout playout) {

    /** Where the stream is fed. */
    public record Ingest(Rtmp rtmp) {
    }

    /** An RTMP address; the stream name is the passthrough name a room token carries. */
    public record Rtmp(String url, String streamname) {
    }

    /** How the stream is played. */
    public record Playout(List<H5Live> h5live) {
    }

    /** One H5Live playout of the stream. */
    public record H5Live(String id, Rtmp rtmp) {
    }
}

package dev.nanomeet;

import java.util.List;

/**
 * A nanoStream Cloud live stream made for a room.
 *
 * @param id         the stream's id in nanoStream Cloud
 * @param streamname the passthrough ingest stream name a room token carries
 * @param playoutIds the ids of its H5Live playouts (the passthrough first, then each transcode)
 */
public record LiveStream(String id, String streamname, List<String> playoutIds) {

    /** The stream's page in the nanoStream Cloud dashboard. */
    public String dashboardUrl() {
        return "https://bintu-cloud-frontend.nanocosmos.de/stream/new/" + id;
    }
}

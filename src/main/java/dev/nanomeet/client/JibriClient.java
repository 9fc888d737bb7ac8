package dev.nanomeet.client;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The HTTP API of a Jitsi Jibri recorder, which streams a meeting to an RTMP ingest. One recorder runs one session
 * at a time; its health says whether it is busy. Built per recorder by {@link Recorders}, with the timeouts of
 * {@code nanomeet.recorder/mp-rest/connectTimeout} and {@code readTimeout}.
 */
@RegisterProvider(NanoMeetResponseExceptionMapper.class)
@Path("/jibri/api/v1.0")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface JibriClient {

    /** Always 200; the body says whether the recorder is busy, in one of two shapes (see {@link RecorderHealth}). */
    @GET
    @Path("/health")
    JsonObject health();

    /** 200 when accepted (not yet running); 412 when busy or a parameter is missing. */
    @POST
    @Path("/startService")
    void startService(StartServiceRequest request);

    /** Stops whatever runs; 200 also when nothing runs. */
    @POST
    @Path("/stopService")
    void stopService();
}

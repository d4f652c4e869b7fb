package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.service.SourceCatalog;
import com.tradethehype.ingest.service.SourcePoller;
import com.tradethehype.ingest.service.SourceStates;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;

/** The configured feeds: what they are, how their polls went, and polling them on demand. */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceCatalog catalog;
    private final SourcePoller poller;
    private final SourceStates states;
    private final Duration pollInterval;

    public SourceResource(SourceCatalog catalog, SourcePoller poller, SourceStates states, IngestConfig config) {
        this.catalog = catalog;
        this.poller = poller;
        this.states = states;
        this.pollInterval = config.pollInterval();
    }

    @GET
    public List<SourceResponse> list() {
        return catalog.all().stream()
                .map(source -> SourceResponse.of(source, states.of(source.name()), pollInterval)).toList();
    }

    /** Polls every enabled source now; 200 even when some fail, each result says how it went. */
    @POST
    @Path("/poll")
    public List<PollResponse> pollAll() {
        return catalog.enabled().stream().map(poller::poll).map(PollResponse::of).toList();
    }

    /** Polls one source now, even a disabled one; 404 if there is no such source. */
    @POST
    @Path("/{name}/poll")
    public PollResponse poll(@PathParam("name") String name) {
        return PollResponse.of(poller.poll(catalog.byName(name)));
    }
}

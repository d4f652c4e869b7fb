package com.tradethehype.ingest.rest;

import com.tradethehype.auth.AdminOnly;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.fetch.AddressGuard;
import com.tradethehype.ingest.poll.PollScheduler;
import com.tradethehype.ingest.poll.SourcePoller;
import com.tradethehype.ingest.source.InvalidSourceException;
import com.tradethehype.ingest.source.SourceCatalog;
import com.tradethehype.ingest.source.SourceStates;
import com.tradethehype.ingest.source.Sources;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sources: what they are, how their polls went, adding and deleting them, and polling them on demand. Changes
 * and polls need an admin credential ({@link AdminOnly}); reads are open.
 */
@Path("/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceCatalog catalog;
    private final AddressGuard guard;
    private final SourcePoller poller;
    private final PollScheduler scheduler;
    private final SourceStates states;
    private final Duration pollInterval;
    private final int downAfterFailures;

    public SourceResource(SourceCatalog catalog, SourcePoller poller, PollScheduler scheduler, SourceStates states,
                          IngestConfig config, AddressGuard guard) {
        this.catalog = catalog;
        this.guard = guard;
        this.poller = poller;
        this.scheduler = scheduler;
        this.states = states;
        this.pollInterval = config.pollInterval();
        this.downAfterFailures = config.downAfterFailures();
    }

    @GET
    public List<SourceResponse> list() {
        return catalog.all().stream().map(this::response).toList();
    }

    @GET
    @Path("/{name}")
    public SourceResponse get(@PathParam("name") String name) {
        return response(catalog.byName(name));
    }

    /** Adds a source; 201 with its Location, 400 if it is invalid, 409 if the name is taken. */
    @AdminOnly
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Valid @NotNull SourceRequest request, @Context UriInfo uri) {
        Source valid = Sources.validate(request.name(), request.url(), request.kind(),
                request.enabled() == null || request.enabled(), request.tickers() == null ? List.of() : request.tickers(),
                interval(request.interval()), request.weight() == null ? 1.0 : request.weight(), true);
        requirePublic(valid);
        Source source = catalog.add(valid);
        return Response.created(uri.getAbsolutePathBuilder().path(source.name()).build()).entity(response(source)).build();
    }

    /** Deletes a source (configured ones stay deleted across restarts); 204, or 404 if there is none. */
    @AdminOnly
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        catalog.remove(name);
        return Response.noContent().build();
    }

    /** Polls every enabled source now; 200 even when some fail, each result says how it went. */
    @AdminOnly
    @POST
    @Path("/poll")
    public List<PollResponse> pollAll() {
        return scheduler.pollAll(catalog.enabled()).stream().map(PollResponse::of).toList();
    }

    /** Polls one source now, even a disabled one; 404 if there is no such source. */
    @AdminOnly
    @POST
    @Path("/{name}/poll")
    public PollResponse poll(@PathParam("name") String name) {
        return PollResponse.of(poller.poll(catalog.byName(name)));
    }

    /**
     * Refuses a URL whose host resolves to a non-public address (the address itself goes to the log only). A host
     * that does not resolve now is accepted: every fetch checks again and fails it cleanly.
     */
    private void requirePublic(Source source) {
        try {
            guard.check(source.url()).ifPresent(refusal -> {
                Log.warnf("POST /sources %s refused: %s resolves to %s", source.name(), refusal.host(), refusal.detail());
                throw new InvalidSourceException("source " + source.name() + ": url must point to a public address; "
                        + refusal.host() + " does not (loopback, private, link-local and metadata addresses are refused)");
            });
        } catch (UnknownHostException e) {
            Log.infof("POST /sources %s: %s does not resolve now; its polls will check again", source.name(),
                    source.url().getHost());
        }
    }

    private SourceResponse response(Source source) {
        return SourceResponse.of(source, states.of(source.name()), pollInterval, downAfterFailures);
    }

    private static Optional<Duration> interval(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationConverter.parseDuration(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceException("interval '" + text + "' is not a duration (e.g. PT15M or 15m)");
        }
    }
}

package com.tradethehype.digest.rest;

import com.tradethehype.auth.AdminOnly;
import com.tradethehype.digest.repository.SubscriberRepository;
import com.tradethehype.web.InvalidRequestException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Subscribers of the daily digest; the gateway calls these for its accounts. Changes need an admin credential
 * ({@link AdminOnly}: the gateway sends the service token); reads are open inside the network.
 */
@Path("/subscribers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriberResource {

    private final SubscriberRepository subscribers;

    public SubscriberResource(SubscriberRepository subscribers) {
        this.subscribers = subscribers;
    }

    @AdminOnly
    @POST
    public Uni<Response> create(@Valid @NotNull SubscriberRequest request) {
        List<String> watchlist = request.watchlist() == null ? List.of() : Symbols.normalise(request.watchlist());
        return subscribers.create(request.email().trim(), request.active() == null || request.active(), watchlist)
                .map(s -> Response.created(URI.create("/subscribers/" + s.id()))
                        .entity(SubscriberResponse.from(s)).build());
    }

    /** The subscriber with {@code email} (as a one-element list), or an empty list. */
    @GET
    public Uni<List<SubscriberResponse>> byEmail(@QueryParam("email") String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException("email is required (GET /subscribers?email=...)");
        }
        return subscribers.findByEmail(email.trim()).map(s -> s.map(SubscriberResponse::from).stream().toList());
    }

    @GET
    @Path("/{id}")
    public Uni<SubscriberResponse> get(@PathParam("id") String id) {
        long key = id(id);
        return subscribers.find(key).map(s -> s.map(SubscriberResponse::from)
                .orElseThrow(() -> new NotFoundProblem("no subscriber " + key)));
    }

    @AdminOnly
    @PUT
    @Path("/{id}")
    public Uni<SubscriberResponse> update(@PathParam("id") String id, @Valid @NotNull SubscriberUpdateRequest request) {
        long key = id(id);
        return subscribers.update(key, request.active(), Symbols.normalise(request.watchlist()))
                .map(s -> s.map(SubscriberResponse::from).orElseThrow(() -> new NotFoundProblem("no subscriber " + key)));
    }

    @AdminOnly
    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        long key = id(id);
        return subscribers.delete(key).map(deleted -> {
            if (!deleted) {
                throw new NotFoundProblem("no subscriber " + key);
            }
            return Response.noContent().build();
        });
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("id must be a positive whole number, was '" + value + "'");
    }
}

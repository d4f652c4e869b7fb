package com.tradethehype.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradethehype.gateway.Account;
import com.tradethehype.gateway.client.DigestClient;
import com.tradethehype.gateway.client.Downstream;
import com.tradethehype.gateway.client.SubscriberRequest;
import com.tradethehype.gateway.security.Roles;
import com.tradethehype.gateway.service.AccountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The signed-in account: who it is, its digest subscription and watchlist, and deleting it. */
@Path("/api/me")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;
    private final DigestClient digest;
    private final JsonWebToken jwt;

    public MeResource(AccountService accounts, @RestClient DigestClient digest, JsonWebToken jwt) {
        this.accounts = accounts;
        this.digest = digest;
        this.jwt = jwt;
    }

    @GET
    public AccountResponse me() {
        Account account = accounts.byId(jwt.getSubject());
        String role = jwt.getGroups().contains(Roles.ADMIN) ? Roles.ADMIN : Roles.USER;
        return new AccountResponse(account.id().toString(), account.email(), role, account.createdAt());
    }

    /** The digest subscription as digest-service holds it: {@code active}, {@code watchlist}. */
    @GET
    @Path("/subscription")
    public JsonNode subscription() {
        Account account = accounts.byId(jwt.getSubject());
        return Downstream.call("digest-service", () -> digest.subscriber(account.subscriberId()));
    }

    /** Opts in or out of the daily digest and sets the watchlist (symbols upper-cased, duplicates dropped). */
    @PUT
    @Path("/subscription")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonNode updateSubscription(@Valid @NotNull SubscriptionRequest body) {
        Account account = accounts.byId(jwt.getSubject());
        var watchlist = body.watchlist().stream().map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
        return Downstream.call("digest-service", () -> digest.updateSubscriber(account.subscriberId(),
                new SubscriberRequest(null, body.active(), watchlist)));
    }

    /** Deletes the account and its digest subscriber; 204. */
    @DELETE
    public Response delete() {
        Account account = accounts.byId(jwt.getSubject());
        Downstream.run("digest-service", () -> accounts.delete(account));
        return Response.noContent().build();
    }

    /** The account as its owner sees it. */
    public record AccountResponse(String id, String email, String role, Instant createdAt) {
    }
}

package com.tradethehype.gateway.rest;

import com.tradethehype.gateway.client.Downstream;
import com.tradethehype.gateway.service.AccountService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Register and sign in; both answer a bearer token. Rate-limited per IP, and sign-in per account too. */
@Path("/api/auth")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AccountService accounts;

    public AuthResource(AccountService accounts) {
        this.accounts = accounts;
    }

    /** 201 with a token; 400 naming email or password; 409 if the email has an account; 503 if digest is down. */
    @POST
    @Path("/register")
    public Response register(@Valid @NotNull Credentials body, @Context HttpServerRequest request) {
        var session = Downstream.call("digest-service",
                () -> accounts.register(body.email(), body.password(), ClientAddress.of(request)));
        return Response.status(Response.Status.CREATED).entity(SessionResponse.of(session)).build();
    }

    /** 200 with a token; 401 for a wrong email or password (not saying which); 429 with Retry-After. */
    @POST
    @Path("/login")
    public SessionResponse login(@Valid @NotNull Credentials body, @Context HttpServerRequest request) {
        return SessionResponse.of(accounts.login(body.email(), body.password(), ClientAddress.of(request)));
    }
}

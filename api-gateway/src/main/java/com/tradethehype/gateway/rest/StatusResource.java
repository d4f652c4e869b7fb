package com.tradethehype.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradethehype.gateway.client.Downstream;
import com.tradethehype.gateway.client.IngestClient;
import com.tradethehype.gateway.security.Roles;
import com.tradethehype.gateway.service.AccountService;
import com.tradethehype.gateway.service.PipelineStatus;
import com.tradethehype.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Pipeline status for every signed-in user; full source records and the account list for admins only. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final PipelineStatus status;
    private final IngestClient ingest;
    private final AccountService accounts;

    public StatusResource(PipelineStatus status, @RestClient IngestClient ingest, AccountService accounts) {
        this.status = status;
        this.ingest = ingest;
        this.accounts = accounts;
    }

    /** Each service's readiness, each source's health, the model in use and the last digest; 200 even when parts are down. */
    @GET
    @Path("/status")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    public JsonNode status() {
        return status.read();
    }

    /** ingest-service's sources as it reports them, URLs and last errors included. */
    @GET
    @Path("/admin/sources")
    @RolesAllowed(Roles.ADMIN)
    public JsonNode sources() {
        return Downstream.call("ingest-service", ingest::sources);
    }

    /** Accounts, newest first (no password hashes). */
    @GET
    @Path("/admin/accounts")
    @RolesAllowed(Roles.ADMIN)
    public List<AccountSummary> accounts(@QueryParam("limit") @DefaultValue("100") String limit) {
        return accounts.list(QueryParams.intInRange("limit", limit, 1, 1000)).stream()
                .map(a -> new AccountSummary(a.id().toString(), a.email(), a.createdAt())).toList();
    }

    /** An account as an admin sees it. */
    public record AccountSummary(String id, String email, Instant createdAt) {
    }
}

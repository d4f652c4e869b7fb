package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.audit.PublishAudit;
import com.tradethehype.ingest.repository.UnconfirmedArticles;
import com.tradethehype.web.QueryParams;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Read-only report of the publish audit: what digest never stored although it was published and re-published. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final PublishAudit audit;
    private final UnconfirmedArticles rows;

    public AuditResource(PublishAudit audit, UnconfirmedArticles rows) {
        this.audit = audit;
        this.rows = rows;
    }

    @GET
    public AuditResponse report(@QueryParam("limit") @DefaultValue("100") String limit) {
        int max = QueryParams.intInRange("limit", limit, 1, 1000);
        return new AuditResponse(audit.last().orElse(null), rows.countMissing(), rows.missing(max));
    }
}

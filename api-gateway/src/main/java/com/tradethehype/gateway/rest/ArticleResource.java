package com.tradethehype.gateway.rest;

import com.tradethehype.gateway.client.ArticleResponse;
import com.tradethehype.gateway.client.DigestClient;
import com.tradethehype.gateway.client.Downstream;
import com.tradethehype.gateway.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import com.tradethehype.web.QueryParams;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Dashboard API over articles; validates here so a bad request never reaches digest-service. */
@Path("/api/articles")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final DigestClient digest;

    public ArticleResource(@RestClient DigestClient digest) {
        this.digest = digest;
    }

    /** Newest articles first, optionally only those about one ticker. */
    @GET
    @Blocking
    public List<ArticleResponse> list(
            @QueryParam("ticker") @Pattern(regexp = "[A-Za-z][A-Za-z0-9.\\-]{0,9}",
                    message = "must be a stock symbol such as MSFT or BRK.B") String ticker,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        String symbol = ticker == null || ticker.isBlank() ? null : ticker.toUpperCase(Locale.ROOT);
        int n = QueryParams.intInRange("limit", limit, 1, 500);
        return Downstream.call("digest-service", () -> digest.articles(symbol, n));
    }
}

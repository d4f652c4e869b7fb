package com.tradethehype.digest.rest;

import com.tradethehype.digest.repository.ArticleQueries;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import com.tradethehype.web.QueryParams;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Internal read API over stored articles; the gateway forwards dashboard queries here, and ingest's publish audit
 * asks which of the articles it published are stored.
 */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleQueries queries;

    public ArticleResource(ArticleQueries queries) {
        this.queries = queries;
    }

    /** Newest articles first, optionally only those about one ticker. */
    @GET
    @WithSession
    public Uni<List<ArticleResponse>> list(
            @QueryParam("ticker") @Pattern(regexp = "[A-Za-z][A-Za-z0-9.\\-]{0,9}",
                    message = "must be a stock symbol such as MSFT or BRK.B") String ticker,
            @QueryParam("limit") @DefaultValue("50") String limit) {
        Optional<String> symbol = Optional.ofNullable(ticker).filter(t -> !t.isBlank()).map(t -> t.toUpperCase(Locale.ROOT));
        return queries.latest(symbol, QueryParams.intInRange("limit", limit, 1, 500)).map(list -> list.stream().map(ArticleResponse::from).toList());
    }

    /** Which of the given article ids are stored here (a read; POST only because the list can be long). */
    @POST
    @Path("/stored")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<StoredArticlesResponse> stored(@Valid @NotNull StoredArticlesRequest request) {
        return queries.stored(request.ids().stream().distinct().toList()).map(StoredArticlesResponse::new);
    }
}

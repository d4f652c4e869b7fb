package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.repository.ArticleSources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A published article and every source that carried it, merged near-duplicates included. */
@Path("/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleSources articles;

    public ArticleResource(ArticleSources articles) {
        this.articles = articles;
    }

    /** 200 with the article and its sources, 404 problem+json if no article has that id. */
    @GET
    @Path("/{articleId}")
    public ArticleResponse get(@PathParam("articleId") String articleId) {
        return articles.find(articleId).map(ArticleResponse::of)
                .orElseThrow(() -> new NotFoundException("No published article has id " + articleId));
    }
}

package com.tradethehype.sentiment.rest;

import com.tradethehype.sentiment.inference.SentimentModel;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Scores texts on demand, for the dashboard and for checking a deployed model. */
@Path("/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final SentimentModel model;

    public ScoreResource(SentimentModel model) {
        this.model = model;
    }

    @POST
    @Blocking
    public ScoreResponse score(@NotNull(message = "body must be {\"texts\": [...]}") @Valid ScoreRequest request)
            throws Exception {
        var sentiments = model.score(request.texts());
        return new ScoreResponse(model.modelRef(), sentiments.stream().map(ScoreResponse.Result::of).toList());
    }
}

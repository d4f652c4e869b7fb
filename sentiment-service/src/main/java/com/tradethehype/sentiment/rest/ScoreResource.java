package com.tradethehype.sentiment.rest;

import com.tradethehype.sentiment.config.SentimentConfig;
import com.tradethehype.sentiment.inference.SentimentModel;
import com.tradethehype.web.InvalidRequestException;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Scores texts on demand, for the dashboard and for checking a deployed model; what one request may cost is capped
 * ({@code sentiment.score.*}: texts, characters per text, body size in {@link BodySizeLimit}).
 */
@Path("/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final SentimentModel model;
    private final SentimentConfig.Score caps;

    public ScoreResource(SentimentModel model, SentimentConfig config) {
        this.model = model;
        this.caps = config.score();
    }

    @POST
    @Blocking
    public ScoreResponse score(@NotNull(message = "body must be {\"texts\": [...]}") @Valid ScoreRequest request)
            throws Exception {
        requireWithinCaps(request.texts());
        var sentiments = model.score(request.texts());
        return new ScoreResponse(model.modelRef(), sentiments.stream().map(ScoreResponse.Result::of).toList());
    }

    /** Refuses, before anything is tokenised, a request over the text count or a text over the character cap. */
    private void requireWithinCaps(List<String> texts) {
        if (texts.size() > caps.maxTexts()) {
            throw new InvalidRequestException("texts must list at most " + caps.maxTexts() + " texts, was "
                    + texts.size());
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).length() > caps.maxChars()) {
                throw new InvalidRequestException("texts[" + i + "] must have at most " + caps.maxChars()
                        + " characters, had " + texts.get(i).length());
            }
        }
    }
}

package com.tradethehype.digest.rest;

import com.tradethehype.digest.repository.ArticleScoreEntity;
import java.time.Instant;

/** One model's sentiment for an article, with the model that produced it. */
public record ScoreResponse(String modelId, String modelVersion, double positive, double negative, double neutral,
                            String label, double score, Instant scoredAt) {

    static ScoreResponse from(ArticleScoreEntity s) {
        return new ScoreResponse(s.modelId, s.modelVersion, s.positive, s.negative, s.neutral, s.label, s.score,
                s.scoredAt);
    }
}

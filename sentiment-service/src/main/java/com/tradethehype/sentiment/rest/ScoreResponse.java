package com.tradethehype.sentiment.rest;

import com.tradethehype.contracts.ModelRef;
import com.tradethehype.contracts.Sentiment;
import java.util.List;

/** Probabilities per text, in request order, and the model that produced them. */
public record ScoreResponse(ModelRef model, List<Result> results) {

    /** One text's sentiment. */
    public record Result(double positive, double negative, double neutral, String label, double score) {

        static Result of(Sentiment s) {
            return new Result(s.positive(), s.negative(), s.neutral(), s.label(), s.score());
        }
    }
}

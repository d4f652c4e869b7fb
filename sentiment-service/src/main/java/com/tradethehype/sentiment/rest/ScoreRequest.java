package com.tradethehype.sentiment.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Texts to score; long texts are truncated to the model's token limit, not rejected. */
public record ScoreRequest(
        @NotEmpty(message = "must list at least one text")
        @Size(max = 256, message = "must list at most 256 texts")
        List<@NotNull(message = "must not contain null") @Size(max = 200_000, message = "must be under 200,000 characters each") String> texts) {
}

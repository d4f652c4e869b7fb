package com.tradethehype.sentiment.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Texts to score; a text within the character cap is truncated to the model's token limit, not rejected. The caps
 * on texts and characters are settings ({@code sentiment.score.*}), checked by {@link ScoreResource}.
 */
public record ScoreRequest(
        @NotEmpty(message = "must list at least one text")
        List<@NotNull(message = "must not contain null") String> texts) {
}

package com.tradethehype.gateway.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the text tools, bounded here so a page cannot make the internal services do unbounded work. */
public final class ToolRequests {

    private ToolRequests() {
    }

    /** A text to explain: which tickers it is about and why. */
    public record Extract(@NotBlank(message = "must not be blank")
                          @Size(max = 10_000, message = "must be at most 10,000 characters") String text) {
    }

    /** Texts to score with the sentiment model. */
    public record Score(@NotEmpty(message = "must list at least one text")
                        @Size(max = 16, message = "must list at most 16 texts")
                        List<@NotNull(message = "must not contain null")
                             @Size(max = 2_000, message = "must be at most 2,000 characters each") String> texts) {
    }
}

package com.tradethehype.digest.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Article ids (SHA-256, lower-case hex) to look up; at most {@value #MAX_IDS} per request. */
public record StoredArticlesRequest(
        @NotNull @Size(min = 1, max = StoredArticlesRequest.MAX_IDS, message = "must list 1 to 1000 article ids")
        List<@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be an article id (64 lower-case hex digits)")
                String> ids) {

    public static final int MAX_IDS = 1000;
}

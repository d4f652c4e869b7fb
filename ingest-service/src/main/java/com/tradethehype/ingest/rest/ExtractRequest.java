package com.tradethehype.ingest.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A text to tag, as plain text (offsets in the answer refer to it). */
public record ExtractRequest(@NotBlank @Size(max = 20_000) String text) {
}

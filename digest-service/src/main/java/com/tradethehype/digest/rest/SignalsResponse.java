package com.tradethehype.digest.rest;

import com.tradethehype.contracts.ModelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The signals of one digest day, with the window and model they rest on. */
public record SignalsResponse(LocalDate date, String status, Instant windowStart, Instant windowEnd, ModelRef model,
                              int articles, int sources, List<SignalResponse> signals) {
}

package com.tradethehype.digest.rest;

import com.tradethehype.contracts.ModelRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A digest day: status, the numbers, its signals, the mail as rendered (without a subscriber), deliveries. */
public record DigestResponse(LocalDate date, String status, Instant generatedAt, Instant windowStart,
                             Instant windowEnd, int articles, int sources, int scored, ModelRef model, int historyDays,
                             List<SignalResponse> signals, String subject, String html, String text,
                             Deliveries deliveries) {

    /** How many subscribers have the day's mail, and how many do not yet. */
    public record Deliveries(int sent, int failed, int gaveUp, int pending) {
    }
}

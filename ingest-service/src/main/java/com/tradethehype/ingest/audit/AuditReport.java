package com.tradethehype.ingest.audit;

import java.time.Instant;
import java.util.List;

/**
 * What one audit run found and did.
 *
 * @param outcome     OK, DIGEST_UNREACHABLE (nothing concluded, nothing changed), QUEUE_UNAVAILABLE (re-publishing
 *                    stopped), SKIPPED (another replica is auditing) or DISABLED
 * @param detail      why, for anything but OK
 * @param checked     unconfirmed articles past the grace time that digest was asked about
 * @param confirmed   of those, stored by digest (now confirmed)
 * @param republished re-published in this run
 * @param deferred    due for re-publishing but held back (queue backlog, per-run limit)
 * @param reported    article ids newly reported missing in this run
 * @param missing     articles reported missing and still not stored, after this run
 */
public record AuditReport(Instant ranAt, Outcome outcome, String detail, int checked, int confirmed, int republished,
                          int deferred, List<String> reported, long missing) {

    /** How a run ended. */
    public enum Outcome { OK, DIGEST_UNREACHABLE, QUEUE_UNAVAILABLE, SKIPPED, DISABLED }

    public AuditReport {
        reported = List.copyOf(reported);
    }

    static AuditReport nothing(Instant at, Outcome outcome, String detail, long missing) {
        return new AuditReport(at, outcome, detail, 0, 0, 0, 0, List.of(), missing);
    }
}

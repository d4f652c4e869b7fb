package com.tradethehype.ingest.rest;

import com.tradethehype.ingest.audit.AuditReport;
import com.tradethehype.ingest.repository.UnconfirmedArticles.Missing;
import java.util.List;

/**
 * The publish audit's report: its last run (null before the first) and the articles reported missing, oldest first.
 *
 * @param missingTotal all articles reported missing; {@code missing} lists at most {@code limit} of them
 */
public record AuditResponse(AuditReport lastRun, long missingTotal, List<Missing> missing) {
}

package com.tradethehype.ingest.service;

import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.SourceState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Last result, last success and failure streak of every source, in memory (a restart forgets them). */
@ApplicationScoped
public class SourceStates {

    private final Map<String, SourceState> states = new ConcurrentHashMap<>();

    public SourceState of(String source) {
        return states.getOrDefault(source, SourceState.NEVER_POLLED);
    }

    public void record(PollResult result, Instant at) {
        states.compute(result.source(), (name, old) -> (old == null ? SourceState.NEVER_POLLED : old).after(result, at));
    }

    /** Forgets every source's history, as a restart would. */
    public void clear() {
        states.clear();
    }
}

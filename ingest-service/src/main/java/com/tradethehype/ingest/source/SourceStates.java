package com.tradethehype.ingest.source;

import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.SourceState;
import com.tradethehype.ingest.Validators;
import com.tradethehype.ingest.repository.SourceStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last result, last success, failure streak and item counts of every source, and the validators of its last full
 * GET. Stored in PostgreSQL, so a restart forgets nothing; read from a copy in memory, written through on each
 * change (one ingest instance owns its sources).
 */
@ApplicationScoped
public class SourceStates {

    private final SourceStateRepository repository;
    private final Map<String, SourceState> states = new ConcurrentHashMap<>();
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public SourceStates(SourceStateRepository repository) {
        this.repository = repository;
    }

    public SourceState of(String source) {
        load();
        return states.getOrDefault(source, SourceState.NEVER_POLLED);
    }

    /** Records {@code result} and returns the source's new state. */
    public SourceState record(PollResult result, Instant at) {
        load();
        SourceState next = states.compute(result.source(),
                (name, old) -> (old == null ? SourceState.NEVER_POLLED : old).after(result, at));
        repository.saveState(result.source(), next);
        return next;
    }

    Optional<Validators> validators(String source) {
        load();
        return Optional.ofNullable(validators.get(source));
    }

    void rememberValidators(String source, Validators known) {
        load();
        if (known.isEmpty()) {
            validators.remove(source);
        } else {
            validators.put(source, known);
        }
        repository.saveValidators(source, known);
    }

    /** Forgets one source entirely (it was deleted). */
    public void forget(String source) {
        load();
        states.remove(source);
        validators.remove(source);
        repository.delete(source);
    }

    /** Forgets every source's history and validators, as a first deployment would have none. */
    public void clear() {
        repository.delete(null);
        states.clear();
        validators.clear();
        loaded = true;
    }

    /** Forgets the validators only, so the next poll of every source is a full GET. */
    void clearValidators() {
        load();
        validators.keySet().forEach(source -> repository.saveValidators(source, new Validators(null, null)));
        validators.clear();
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                repository.loadAll().forEach((source, row) -> {
                    if (row.state().lastPolledAt() != null) {
                        states.put(source, row.state());
                    }
                    if (!row.validators().isEmpty()) {
                        validators.put(source, row.validators());
                    }
                });
                loaded = true;
            }
        }
    }
}

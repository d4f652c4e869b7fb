package com.tradethehype.ingest.source;

import com.tradethehype.ingest.Validators;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The ETag / Last-Modified each source last answered a full GET with, for conditional GETs. Kept with the source's
 * state in PostgreSQL, so the first poll after a restart is still conditional.
 */
@ApplicationScoped
public class FetchValidators {

    private final SourceStates states;

    public FetchValidators(SourceStates states) {
        this.states = states;
    }

    public Optional<Validators> of(String source) {
        return states.validators(source);
    }

    public void remember(String source, Validators validators) {
        states.rememberValidators(source, validators);
    }

    /** Forgets everything, so the next poll of every source is a full GET. */
    public void clear() {
        states.clearValidators();
    }
}

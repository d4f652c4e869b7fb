package com.tradethehype.ingest.source;

import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.repository.SourceDefinitions.Definition;
import com.tradethehype.ingest.repository.SourceDefinitions;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sources: those configured (validated at start-up, so a typo stops the service with a message naming the
 * source) and those added or deleted at run time (kept in PostgreSQL). A run-time deletion of a configured source
 * leaves a tombstone, so the source stays deleted after a restart until it is added again.
 */
@Startup
@ApplicationScoped
public class SourceCatalog {

    private final Map<String, Source> configured;
    private final SourceDefinitions definitions;
    private final SourceStates states;
    private volatile Map<String, Source> current;

    public SourceCatalog(IngestConfig config, SourceDefinitions definitions, SourceStates states) {
        this.configured = new TreeMap<>(Sources.expand(config.sources(), config.watchlist().orElse(List.of())));
        this.definitions = definitions;
        this.states = states;
    }

    /** Every source, enabled or not, sorted by name. */
    public List<Source> all() {
        return new ArrayList<>(current().values());
    }

    public List<Source> enabled() {
        return current().values().stream().filter(Source::enabled).toList();
    }

    /** The source called {@code name}; throws {@link UnknownSourceException} if there is none. */
    public Source byName(String name) {
        Source source = current().get(name);
        if (source == null) {
            throw new UnknownSourceException(name);
        }
        return source;
    }

    /** Adds a run-time source; throws {@link SourceExistsException} when the name is taken. */
    public synchronized Source add(Source source) {
        if (current().containsKey(source.name())) {
            throw new SourceExistsException(source.name());
        }
        definitions.save(source, false);
        states.forget(source.name()); // a new source with an old name starts with a clean history
        Log.infof("Source %s added at run time: %s %s", source.name(), source.kind(), source.url());
        reload();
        return source;
    }

    /** Deletes a source, configured or added at run time; throws {@link UnknownSourceException} if there is none. */
    public synchronized void remove(String name) {
        Source source = byName(name);
        if (configured.containsKey(name)) {
            definitions.save(configured.get(name), true);
        } else {
            definitions.delete(name);
        }
        states.forget(name);
        Log.infof("Source %s deleted at run time", name);
        reload();
    }

    /** Reads the run-time sources again (tests reset them; another writer may have changed them). */
    public synchronized void reload() {
        Map<String, Source> merged = new TreeMap<>(configured);
        for (Definition definition : definitions.loadAll()) {
            if (definition.removed()) {
                merged.remove(definition.source().name());
            } else {
                merged.put(definition.source().name(), definition.source());
            }
        }
        current = merged;
    }

    /** Forgets every run-time addition and deletion: only the configured sources remain. */
    public synchronized void resetToConfiguration() {
        definitions.delete(null);
        reload();
    }

    private Map<String, Source> current() {
        Map<String, Source> sources = current;
        if (sources == null) {
            synchronized (this) {
                if (current == null) {
                    reload();
                }
                sources = current;
            }
        }
        return sources;
    }
}

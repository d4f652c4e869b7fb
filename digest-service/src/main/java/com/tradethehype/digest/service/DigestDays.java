package com.tradethehype.digest.service;

import com.tradethehype.digest.repository.DigestRepository;
import com.tradethehype.digest.repository.DigestRepository.StoredDay;
import com.tradethehype.digest.signal.DayResult;
import com.tradethehype.digest.signal.SignalEngine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Computes each digest day once: the first sender (of however many replicas) takes a per-day advisory lock,
 * computes and stores the signals; later senders read what it stored, so every subscriber of a day gets the
 * same numbers. A NO_DATA day is computed again on the next run, in case the pipeline has caught up since.
 */
@ApplicationScoped
public class DigestDays {

    public static final String READY = "READY";
    public static final String QUIET = "QUIET";
    public static final String NO_DATA = "NO_DATA";

    private final DigestRepository repository;
    private final SignalEngine engine;

    public DigestDays(DigestRepository repository, SignalEngine engine) {
        this.repository = repository;
        this.engine = engine;
    }

    /** The stored day {@code date}, computing and storing it first if needed. */
    public Uni<StoredDay> ensure(LocalDate date) {
        return repository.pool().withTransaction(tx -> tx
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtext('tth-digest-day'), $1)")
                .execute(Tuple.of((int) date.toEpochDay()))
                .chain(() -> repository.find(tx, date))
                .chain(found -> {
                    if (found.isPresent() && !NO_DATA.equals(found.get().status())) {
                        return Uni.createFrom().item(found.get());
                    }
                    return engine.compute(date).chain(result -> repository.save(tx, result, status(result))
                            .chain(() -> repository.find(tx, date)).map(stored -> stored.orElseThrow()));
                }));
    }

    /** Computes {@code date} again and replaces what was stored (after late articles, or changed thresholds). */
    public Uni<StoredDay> recompute(LocalDate date) {
        return repository.pool().withTransaction(tx -> tx
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtext('tth-digest-day'), $1)")
                .execute(Tuple.of((int) date.toEpochDay()))
                .chain(() -> engine.compute(date))
                .chain(result -> repository.save(tx, result, status(result)).chain(() -> repository.find(tx, date)))
                .map(stored -> stored.orElseThrow()));
    }

    static String status(DayResult result) {
        if (result.noData()) {
            return NO_DATA;
        }
        return result.signals().isEmpty() ? QUIET : READY;
    }
}

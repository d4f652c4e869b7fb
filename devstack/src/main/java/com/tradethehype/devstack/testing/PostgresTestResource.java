package com.tradethehype.devstack.testing;

import com.tradethehype.devstack.Postgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A fresh embedded PostgreSQL on a free port for a Quarkus test run; sets {@code tth.db.*}. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private Postgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = Postgres.embedded(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("tth.db.host", postgres.host(), "tth.db.port", Integer.toString(postgres.port()));
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

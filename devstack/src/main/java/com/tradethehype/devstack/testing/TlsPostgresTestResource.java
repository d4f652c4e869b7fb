package com.tradethehype.devstack.testing;

import com.tradethehype.devstack.Postgres;
import com.tradethehype.devstack.TlsFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL with TLS on (a certificate from a throw-away CA) for a Quarkus test run; sets
 * {@code tth.db.url} with {@code sslmode=verify-full} and that CA, the way a managed database is reached.
 */
public class TlsPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private Postgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("tth-tls");
            TlsFiles tls = TlsFiles.create(dir, "db", false);
            postgres = Postgres.embeddedWithTls(tls);
            return Map.of("tth.db.url", "postgresql://" + Postgres.USER + ":" + Postgres.PASSWORD + "@localhost:"
                    + postgres.port() + "/" + Postgres.DATABASE + "?sslmode=verify-full&sslrootcert=" + tls.caCert());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package com.tradethehype.digest.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.testing.TlsPostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * digest-service started from one TTH_DB_URL with sslmode=verify-full against a PostgreSQL that speaks TLS with a
 * certificate from a throw-away CA: Flyway (JDBC) and Hibernate Reactive's pool (Vert.x) both connect, over TLS.
 */
@QuarkusTest
@TestProfile(DatabaseOverTlsTest.VerifyFull.class)
class DatabaseOverTlsTest {

    /** The TLS database on top of the suite's usual resources; tth.db.url wins over their tth.db.host/port. */
    public static class VerifyFull implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TlsPostgresTestResource.class));
        }
    }

    static final String TLS_OF_THIS_SESSION = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()";

    @Inject
    AgroalDataSource jdbc;

    @Inject
    Pool reactive;

    @Test
    void theJdbcClientFlywayUsesIsOnTlsAndTheSchemaIsMigrated() throws Exception {
        try (Connection c = jdbc.getConnection();
             ResultSet tls = c.createStatement().executeQuery(TLS_OF_THIS_SESSION)) {
            assertTrue(tls.next() && tls.getBoolean(1), "JDBC session without TLS");
            ResultSet migrated = c.createStatement().executeQuery(
                    "SELECT count(*) FROM digest.flyway_schema_history WHERE success");
            migrated.next();
            assertTrue(migrated.getInt(1) > 0, "Flyway ran no migration over TLS");
            assertEquals("localhost", c.getMetaData().getURL().replaceFirst("jdbc:postgresql://([^:/]+).*", "$1"));
        }
    }

    @Test
    void theReactivePoolIsOnTls() {
        boolean tls = reactive.query(TLS_OF_THIS_SESSION).execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getBoolean(0);
        assertTrue(tls, "reactive session without TLS");
    }
}

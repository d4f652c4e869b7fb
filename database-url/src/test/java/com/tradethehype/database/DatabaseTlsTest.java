package com.tradethehype.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.Postgres;
import com.tradethehype.devstack.TlsFiles;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

/**
 * TLS against a real PostgreSQL (embedded, ssl=on, a certificate from a throw-away CA, for the name localhost only):
 * the JDBC URL and the reactive options derived from one TTH_DB_URL connect over TLS, and the start-up check names
 * the setting when the certificate or the address is wrong.
 */
class DatabaseTlsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static Path dir;
    static TlsFiles tls;
    static TlsFiles wrongCa;
    static Postgres postgres;
    static Vertx vertx;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("tth-tls-test");
        tls = TlsFiles.create(dir, "db", false);
        wrongCa = TlsFiles.create(dir, "other", true);
        postgres = Postgres.embeddedWithTls(tls);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        postgres.close();
    }

    static DatabaseUrl url(String host, String query) {
        return DatabaseUrl.parse("postgresql://" + Postgres.USER + ":" + Postgres.PASSWORD + "@" + host + ":" + postgres.port()
                + "/" + Postgres.DATABASE + "?" + query);
    }

    /** Whether the JDBC connection made from the derived URL runs over TLS, as the server sees it. */
    static boolean jdbcUsesTls(DatabaseUrl db) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        try (Connection c = new Driver().connect(DatasourceProperties.jdbcUrl(db), props);
             ResultSet rs = c.createStatement().executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The reactive client configured from the derived keys the way Quarkus' reactive PostgreSQL pool reads them. */
    static boolean reactiveUsesTls(DatabaseUrl db) throws Exception {
        Map<String, String> p = DatasourceProperties.of(db, db.password(), false, true);
        PgConnectOptions options = PgConnectOptions.fromUri(p.get(DatasourceProperties.REACTIVE_URL))
                .setUser(p.get(DatasourceProperties.USERNAME)).setPassword(p.get(DatasourceProperties.PASSWORD))
                .setSslMode(io.vertx.pgclient.SslMode.of(p.get("quarkus.datasource.reactive.postgresql.ssl-mode")))
                .setTrustAll(Boolean.parseBoolean(p.get("quarkus.datasource.reactive.trust-all")))
                // Quarkus passes NONE to Vert.x as "" (no host-name check)
                .setHostnameVerificationAlgorithm(p.get("quarkus.datasource.reactive.hostname-verification-algorithm")
                        .replace("NONE", ""));
        if (Boolean.parseBoolean(p.get("quarkus.datasource.reactive.trust-certificate-pem"))) {
            options.setPemTrustOptions(new PemTrustOptions().addCertPath(p.get("quarkus.datasource.reactive.trust-certificate-pem.certs")));
        }
        PgConnection connection = PgConnection.connect(vertx, options).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        try {
            return connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").execute()
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).iterator().next().getBoolean(0);
        } finally {
            connection.close();
        }
    }

    @Test
    void requireConnectsOverTlsWithBothClients() throws Exception {
        DatabaseUrl db = url("localhost", "sslmode=require");
        DatabaseCheck.verify(DatabaseUrl.SETTING, db, db.password(), TIMEOUT);
        assertTrue(jdbcUsesTls(db));
        assertTrue(reactiveUsesTls(db));
    }

    @Test
    void verifyFullWithTheServersCaConnectsWithBothClients() throws Exception {
        DatabaseUrl db = url("localhost", "sslmode=verify-full&sslrootcert=" + tls.caCert());
        DatabaseCheck.verify(DatabaseUrl.SETTING, db, db.password(), TIMEOUT);
        assertTrue(jdbcUsesTls(db));
        assertTrue(reactiveUsesTls(db));
    }

    @Test
    void verifyFullWithAnotherCaFailsNamingTheSettingAndTheCaFile() {
        DatabaseUrl db = url("localhost", "sslmode=verify-full&sslrootcert=" + wrongCa.caCert());
        DatabaseSettingException e = assertThrows(DatabaseSettingException.class,
                () -> DatabaseCheck.verify(DatabaseUrl.SETTING, db, db.password(), TIMEOUT));
        assertEquals("TTH_DB_URL: TLS certificate of localhost is not trusted by sslrootcert=" + wrongCa.caCert(), e.getMessage());
        assertThrows(Exception.class, () -> jdbcUsesTls(db));
        assertThrows(Exception.class, () -> reactiveUsesTls(db));
    }

    @Test
    void verifyFullRefusesACertificateForAnotherNameWhileVerifyCaAcceptsIt() throws Exception {
        DatabaseUrl full = url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + tls.caCert());
        DatabaseSettingException e = assertThrows(DatabaseSettingException.class,
                () -> DatabaseCheck.verify(DatabaseUrl.SETTING, full, full.password(), TIMEOUT));
        assertTrue(e.getMessage().startsWith("TTH_DB_URL: TLS certificate of 127.0.0.1 does not name 127.0.0.1"), e.getMessage());
        assertThrows(Exception.class, () -> reactiveUsesTls(full));
        DatabaseUrl ca = url("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + tls.caCert());
        DatabaseCheck.verify(DatabaseUrl.SETTING, ca, ca.password(), TIMEOUT);
        assertTrue(reactiveUsesTls(ca));
    }

    @Test
    void anAddressNobodyListensOnIsCannotReach() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl db = DatabaseUrl.parse("postgresql://tth:s3cret@localhost:" + closedPort + "/tth?sslmode=require");
        DatabaseSettingException e = assertThrows(DatabaseSettingException.class,
                () -> DatabaseCheck.verify(DatabaseUrl.SETTING, db, db.password(), TIMEOUT));
        assertTrue(e.getMessage().startsWith("TTH_DB_URL: cannot reach localhost:" + closedPort + " ("), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aMissingCaFileIsNamed() {
        DatabaseUrl db = url("localhost", "sslmode=verify-full&sslrootcert=/nonexistent/ca.pem");
        DatabaseSettingException e = assertThrows(DatabaseSettingException.class,
                () -> DatabaseCheck.verify(DatabaseUrl.SETTING, db, db.password(), TIMEOUT));
        assertEquals("TTH_DB_URL: sslrootcert=/nonexistent/ca.pem cannot be read (no such file?)", e.getMessage());
    }

    @Test
    void theStartUpCheckInsideConfigurationStopsOnAWrongCa() {
        Map<String, String> env = Map.of("TTH_DB_URL", "postgresql://postgres:postgres@localhost:" + postgres.port()
                + "/tth?sslmode=verify-full&sslrootcert=" + wrongCa.caCert());
        Map<String, String> app = Map.of("tth.db.check-at-start", "true", "tth.db.check-timeout", "5s");
        Exception e = assertThrows(Exception.class, () -> DatabaseUrlConfigSourceFactoryTest.config("prod", true, env, app));
        assertEquals("TTH_DB_URL: TLS certificate of localhost is not trusted by sslrootcert=" + wrongCa.caCert(),
                DatabaseUrlConfigSourceFactoryTest.rootCause(e).getMessage());
    }
}

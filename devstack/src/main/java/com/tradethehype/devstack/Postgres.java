package com.tradethehype.devstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server: embedded (zonky binaries, run as a child process) unless an existing one is named,
 * with the {@code tth} database every service keeps its own schema in.
 */
public final class Postgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Postgres.class);
    public static final String DATABASE = "tth";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;

    private Postgres(EmbeddedPostgres embedded, String host, int port) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
    }

    /** Starts an embedded server on {@code port} (0 = any free port); keeps data in {@code dataDir} when given. */
    public static Postgres embedded(int port, Path dataDir) throws IOException {
        var builder = EmbeddedPostgres.builder().setPort(port)
                .setServerConfig("max_connections", "200");
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres pg = builder.start();
        Postgres postgres = new Postgres(pg, "localhost", pg.getPort());
        postgres.createDatabase();
        return postgres;
    }

    /** Starts an embedded server on a free port that also accepts TLS with the given server certificate. */
    public static Postgres embeddedWithTls(TlsFiles tls) throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPgBinaryResolver(Postgres::binaryOnce)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", tls.serverCert().toAbsolutePath().toString())
                .setServerConfig("ssl_key_file", tls.serverKey().toAbsolutePath().toString())
                .start();
        Postgres postgres = new Postgres(pg, "localhost", pg.getPort());
        postgres.createDatabase();
        return postgres;
    }

    /**
     * zonky's binary lookup, tolerating the binaries jar twice on a class path (a plain JUnit run that has
     * devstack.jar, whose manifest lists its lib/ copies, next to Maven's): the copies are the same file.
     */
    private static InputStream binaryOnce(String system, String hardware) throws IOException {
        try {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
        } catch (IllegalStateException duplicate) {
            String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
            InputStream first = Postgres.class.getClassLoader().getResourceAsStream(name);
            if (first == null) {
                throw duplicate;
            }
            return first;
        }
    }

    /** An existing server the user runs; devstack only checks it answers and creates the database. */
    public static Postgres existing(String host, int port) {
        Postgres postgres = new Postgres(null, host, port);
        postgres.createDatabase();
        return postgres;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
    }

    private void createDatabase() {
        String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, USER, PASSWORD);
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                }
                LOG.infof("Created database %s on %s:%d", DATABASE, host, port);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " is not usable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}

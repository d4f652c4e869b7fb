package com.tradethehype.database;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;

/**
 * Connects once, before anything else touches the database, and turns the usual ways that fails (no route, no TLS,
 * an untrusted or misnamed certificate, a refused login) into one line naming the setting to fix. Never puts the
 * password in a message.
 */
public final class DatabaseCheck {

    private DatabaseCheck() {
    }

    /** Connects with the same TLS settings the services use; throws a {@link DatabaseSettingException} on failure. */
    public static void verify(String setting, DatabaseUrl db, String password, Duration timeout) {
        if (db.sslRootCert() != null && !Files.isReadable(Path.of(db.sslRootCert()))) {
            throw new DatabaseSettingException(setting, "sslrootcert=" + db.sslRootCert() + " cannot be read (no such file?)");
        }
        Properties props = new Properties();
        props.setProperty("user", db.user());
        if (password != null) {
            props.setProperty("password", password);
        }
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        props.setProperty("connectTimeout", seconds);
        props.setProperty("loginTimeout", seconds);
        props.setProperty("socketTimeout", seconds);
        props.setProperty("ApplicationName", "tth-start-check");
        try (Connection c = new Driver().connect(DatasourceProperties.jdbcUrl(db), props)) {
            c.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            throw new DatabaseSettingException(setting, explain(db, e));
        }
    }

    static String explain(DatabaseUrl db, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.startsWith("28")) { // invalid authorization: the server's own words name the user, never the password
            return "the database refused the login of user " + db.user() + " at " + db.address() + ": " + serverText(e);
        }
        if (state.equals("3D000")) {
            return "database " + db.database() + " does not exist on " + db.address();
        }
        if (message.contains("could not be verified by hostnameverifier")) {
            return "TLS certificate of " + db.host() + " does not name " + db.host()
                    + " (sslmode=verify-full: connect with a host name the certificate lists, or use verify-ca)";
        }
        if (message.contains("does not support SSL")) {
            return db.address() + " does not accept TLS connections (sslmode=" + db.sslMode().value()
                    + "; sslmode=disable only for a database on a private network)";
        }
        if (causedBy(e, CertificateExpiredException.class, CertificateNotYetValidException.class)) {
            return "TLS certificate of " + db.host() + " is expired or not yet valid";
        }
        if (causedBy(e, CertPathBuilderException.class, CertPathValidatorException.class, CertificateException.class)) {
            return "TLS certificate of " + db.host() + " is not trusted by sslrootcert=" + db.sslRootCert();
        }
        Throwable ssl = cause(e, SSLException.class);
        if (ssl != null) {
            return "TLS handshake with " + db.address() + " failed: " + ssl.getMessage();
        }
        if (cause(e, UnknownHostException.class) != null) {
            return "cannot reach " + db.address() + " (unknown host)";
        }
        Throwable network = cause(e, ConnectException.class, NoRouteToHostException.class, SocketTimeoutException.class);
        if (network != null) {
            return "cannot reach " + db.address() + " (" + network.getMessage() + ")";
        }
        return "cannot connect to " + db.address() + "/" + db.database() + ": " + message;
    }

    @SafeVarargs
    private static boolean causedBy(Throwable e, Class<? extends Throwable>... types) {
        return cause(e, types) != null;
    }

    /** The first throwable in the chain that is one of the types, or null. */
    @SafeVarargs
    private static Throwable cause(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(t)) {
                    return t;
                }
            }
        }
        return null;
    }

    private static String serverText(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return e.getMessage();
    }
}

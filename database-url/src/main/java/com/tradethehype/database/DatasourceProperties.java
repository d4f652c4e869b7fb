package com.tradethehype.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Quarkus datasource settings one {@link DatabaseUrl} stands for: the JDBC URL with libpq's {@code sslmode} and
 * {@code sslrootcert}, and the reactive URL with Vert.x' ssl-mode, trust and host-name check. Credentials go in
 * their own keys, never inside a URL that could be logged.
 */
public final class DatasourceProperties {

    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    public static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String USERNAME = "quarkus.datasource.username";
    public static final String PASSWORD = "quarkus.datasource.password";
    static final String REACTIVE = "quarkus.datasource.reactive.";

    private DatasourceProperties() {
    }

    /** The keys for the clients a service configures ({@code jdbc}, {@code reactive}); the password may be null. */
    public static Map<String, String> of(DatabaseUrl db, String password, boolean jdbc, boolean reactive) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(USERNAME, db.user());
        if (password != null) {
            p.put(PASSWORD, password);
        }
        if (jdbc) {
            p.put(JDBC_URL, jdbcUrl(db));
        }
        if (reactive) {
            p.put(REACTIVE_URL, "postgresql://" + db.address() + "/" + encode(db.database()));
            p.put(REACTIVE + "postgresql.ssl-mode", db.sslMode().value());
            p.put(REACTIVE + "trust-all", Boolean.toString(db.sslMode() == SslMode.REQUIRE));
            p.put(REACTIVE + "trust-certificate-pem", Boolean.toString(db.sslMode().verifiesCertificate()));
            if (db.sslMode().verifiesCertificate()) {
                // a list setting: a comma in the path would split it
                p.put(REACTIVE + "trust-certificate-pem.certs", db.sslRootCert().replace(",", "\\,"));
            }
            p.put(REACTIVE + "hostname-verification-algorithm", db.sslMode() == SslMode.VERIFY_FULL ? "HTTPS" : "NONE");
        }
        return p;
    }

    /** {@code jdbc:postgresql://host:port/db?sslmode=..[&sslrootcert=..]}, without credentials. */
    public static String jdbcUrl(DatabaseUrl db) {
        String url = "jdbc:postgresql://" + db.address() + "/" + encode(db.database()) + "?sslmode=" + db.sslMode().value();
        return db.sslRootCert() == null ? url : url + "&sslrootcert=" + encode(db.sslRootCert());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}

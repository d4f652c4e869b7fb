package com.tradethehype.database;

import java.util.Locale;

/** The libpq sslmode values we accept: encrypted or not, and how much of the server certificate is checked. */
public enum SslMode {
    /** No TLS (a database on the same host or network only). */
    DISABLE,
    /** TLS, the server certificate is not checked. */
    REQUIRE,
    /** TLS, the certificate must chain to {@code sslrootcert}. */
    VERIFY_CA,
    /** TLS, the certificate must chain to {@code sslrootcert} and name the host. */
    VERIFY_FULL;

    /** The value as written in a URL and in Quarkus' reactive {@code ssl-mode}: {@code verify-full}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** Parses a URL's {@code sslmode}; empty when the value is not one we accept. */
    static SslMode of(String value) {
        for (SslMode mode : values()) {
            if (mode.value().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}

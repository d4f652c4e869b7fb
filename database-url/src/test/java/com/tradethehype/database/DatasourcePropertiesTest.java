package com.tradethehype.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasourcePropertiesTest {

    @Test
    void verifyFullSetsJdbcParametersAndReactiveTrustAndHostnameCheck() {
        DatabaseUrl db = DatabaseUrl.parse("postgresql://tth:pw@db.example.com:5432/postgres?sslmode=verify-full&sslrootcert=/etc/tth/ca.pem");
        assertEquals(Map.of(
                "quarkus.datasource.username", "tth",
                "quarkus.datasource.password", "pw",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.com:5432/postgres?sslmode=verify-full&sslrootcert=/etc/tth/ca.pem",
                "quarkus.datasource.reactive.url", "postgresql://db.example.com:5432/postgres",
                "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full",
                "quarkus.datasource.reactive.trust-all", "false",
                "quarkus.datasource.reactive.trust-certificate-pem", "true",
                "quarkus.datasource.reactive.trust-certificate-pem.certs", "/etc/tth/ca.pem",
                "quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS"),
                DatasourceProperties.of(db, "pw", true, true));
    }

    @Test
    void requireTrustsAnyCertificateOnTheReactiveSide() {
        DatabaseUrl db = DatabaseUrl.parse("postgresql://tth:pw@db.example.com/tth");
        Map<String, String> p = DatasourceProperties.of(db, "pw", true, true);
        assertEquals("jdbc:postgresql://db.example.com:5432/tth?sslmode=require", p.get("quarkus.datasource.jdbc.url"));
        assertEquals("require", p.get("quarkus.datasource.reactive.postgresql.ssl-mode"));
        assertEquals("true", p.get("quarkus.datasource.reactive.trust-all"));
        assertEquals("false", p.get("quarkus.datasource.reactive.trust-certificate-pem"));
        assertEquals("NONE", p.get("quarkus.datasource.reactive.hostname-verification-algorithm"));
    }

    @Test
    void verifyCaChecksTheChainButNotTheName() {
        DatabaseUrl db = DatabaseUrl.parse("postgresql://tth:pw@10.0.0.5/tth?sslmode=verify-ca&sslrootcert=/ca.pem");
        Map<String, String> p = DatasourceProperties.of(db, "pw", false, true);
        assertEquals("verify-ca", p.get("quarkus.datasource.reactive.postgresql.ssl-mode"));
        assertEquals("NONE", p.get("quarkus.datasource.reactive.hostname-verification-algorithm"));
        assertEquals("/ca.pem", p.get("quarkus.datasource.reactive.trust-certificate-pem.certs"));
    }

    @Test
    void onlyTheClientsAServiceConfiguresGetKeysAndNoPasswordMeansNoPasswordKey() {
        DatabaseUrl db = DatabaseUrl.parse("postgresql://tth@db.example.com/tth?sslmode=disable");
        assertEquals(Map.of("quarkus.datasource.username", "tth",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.com:5432/tth?sslmode=disable"),
                DatasourceProperties.of(db, null, true, false));
    }
}

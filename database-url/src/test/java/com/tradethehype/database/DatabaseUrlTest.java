package com.tradethehype.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void readsEveryPartOfAUrlWithVerifyFull() {
        DatabaseUrl db = DatabaseUrl.parse("postgresql://tth:s3cret@db.example.com:6543/postgres"
                + "?sslmode=verify-full&sslrootcert=/etc/tth/ca.pem");
        assertEquals(new DatabaseUrl("db.example.com", 6543, "postgres", "tth", "s3cret", SslMode.VERIFY_FULL,
                "/etc/tth/ca.pem"), db);
    }

    @Test
    void acceptsPostgresSchemeAndDefaultsToPort5432AndRequire() {
        DatabaseUrl db = DatabaseUrl.parse("postgres://tth:pw@db.example.com/tth");
        assertEquals(5432, db.port());
        assertEquals(SslMode.REQUIRE, db.sslMode());
    }

    @Test
    void acceptsJdbcFormWithCredentialsAsParameters() {
        DatabaseUrl db = DatabaseUrl.parse("jdbc:postgresql://localhost:5433/tth?user=postgres&password=pw&sslmode=disable");
        assertEquals(new DatabaseUrl("localhost", 5433, "tth", "postgres", "pw", SslMode.DISABLE, null), db);
    }

    @Test
    void decodesPercentEncodedPasswordAndKeepsPlus() {
        DatabaseUrl db = DatabaseUrl.parse("postgresql://postgres.abcd:p%40ss%3Aw+rd%25@aws-0-eu.pooler.supabase.com:5432/postgres");
        assertEquals("postgres.abcd", db.user());
        assertEquals("p@ss:w+rd%", db.password());
    }

    @Test
    void aMissingPasswordIsNull() {
        assertNull(DatabaseUrl.parse("postgresql://tth@db.example.com/tth").password());
    }

    @Test
    void toStringHidesThePassword() {
        String text = DatabaseUrl.parse("postgresql://tth:s3cret@db.example.com/tth?sslmode=require").toString();
        assertEquals("postgresql://tth:***@db.example.com:5432/tth?sslmode=require", text);
    }

    @Test
    void rejectsWhatCannotWorkNamingTheSettingAndNeverThePassword() {
        Map<String, String> cases = Map.of(
                "mysql://tth:s3cret@db/tth", "TTH_DB_URL: must start with postgresql:// or postgres://",
                "postgresql://tth:s3cret@db.example.com", "TTH_DB_URL: names no database",
                "postgresql://:s3cret@db.example.com/tth", "TTH_DB_URL: names no user",
                "postgresql://tth:s3cret@db.example.com/tth?sslmode=prefer", "TTH_DB_URL: sslmode=prefer is not supported",
                "postgresql://tth:s3cret@db.example.com/tth?sslmode=verify-full",
                "TTH_DB_URL: sslmode=verify-full needs sslrootcert=",
                "postgresql://tth:s3cret@db.example.com/tth?sslmode=require&sslrootcert=/ca.pem",
                "TTH_DB_URL: sslrootcert is not used with sslmode=require",
                "postgresql://tth:s3cret@db.example.com/tth?pgbouncer=true", "TTH_DB_URL: parameter 'pgbouncer' is not supported",
                "postgresql://tth:s3cret%zz@db.example.com/tth", "TTH_DB_URL: is not a URL of the form",
                "postgresql://tth:s3cret @db.example.com/tth", "TTH_DB_URL: is not a URL of the form");
        cases.forEach((url, expected) -> {
            DatabaseSettingException e = assertThrows(DatabaseSettingException.class, () -> DatabaseUrl.parse(url), url);
            assertTrue(e.getMessage().startsWith(expected), url + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertNull(e.getCause(), "a root cause of its own, so Quarkus prints the one line");
        });
    }
}

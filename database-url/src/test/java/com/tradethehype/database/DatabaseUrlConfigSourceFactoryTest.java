package com.tradethehype.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The factory inside a real SmallRye Config, with the ordinals Quarkus gives application.properties and the environment. */
class DatabaseUrlConfigSourceFactoryTest {

    static final Map<String, String> APPLICATION = Map.of(
            "tth.db.host", "localhost", "tth.db.port", "5433", "tth.db.name", "tth", "tth.db.user", "postgres",
            "%dev,test.tth.db.password", "postgres",
            "quarkus.datasource.username", "${tth.db.user}",
            "quarkus.datasource.password", "${tth.db.password:}",
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://${tth.db.host}:${tth.db.port}/${tth.db.name}",
            "tth.db.check-at-start", "false");

    static SmallRyeConfig config(String profile, boolean startup, Map<String, String> env, Map<String, String> extra) {
        Map<String, String> application = new HashMap<>(APPLICATION);
        application.putAll(extra);
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new DatabaseUrlConfigSourceFactory(() -> startup ? ExecutionMode.RUNTIME_INIT : ExecutionMode.UNSET))
                .build();
    }

    static Throwable rootCause(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    @Test
    void theEnvironmentsUrlReplacesTheHostAndPortSettings() {
        SmallRyeConfig config = config("prod", true, Map.of("TTH_DB_URL",
                "postgresql://tth:s3cret@db.example.com:6543/postgres?sslmode=verify-full&sslrootcert=/etc/tth/ca.pem"), Map.of());
        assertEquals("jdbc:postgresql://db.example.com:6543/postgres?sslmode=verify-full&sslrootcert=/etc/tth/ca.pem",
                config.getRawValue("quarkus.datasource.jdbc.url"));
        assertEquals("tth", config.getRawValue("quarkus.datasource.username"));
        assertEquals("s3cret", config.getRawValue("quarkus.datasource.password"));
        assertFalse(config.getOptionalValue("quarkus.datasource.reactive.url", String.class).isPresent(),
                "no reactive keys for a service that configures no reactive client");
    }

    @Test
    void aServiceWithTheReactiveClientGetsItsUrlAndTlsKeys() {
        SmallRyeConfig config = config("prod", true, Map.of("TTH_DB_URL", "postgresql://tth:pw@db.example.com/tth"),
                Map.of("quarkus.datasource.reactive.url", "postgresql://${tth.db.host}:${tth.db.port}/${tth.db.name}"));
        assertEquals("postgresql://db.example.com:5432/tth", config.getRawValue("quarkus.datasource.reactive.url"));
        assertEquals("require", config.getRawValue("quarkus.datasource.reactive.postgresql.ssl-mode"));
        assertEquals("true", config.getRawValue("quarkus.datasource.reactive.trust-all"));
    }

    @Test
    void withoutAUrlTheHostAndPortSettingsStay() {
        SmallRyeConfig config = config("test", true, Map.of("TTH_DB_PORT", "5999"), Map.of());
        assertEquals("jdbc:postgresql://localhost:5999/tth", config.getValue("quarkus.datasource.jdbc.url", String.class));
        assertEquals("postgres", config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void anExplicitQuarkusEnvironmentVariableStillWins() {
        SmallRyeConfig config = config("prod", true, Map.of("TTH_DB_URL", "postgresql://tth:pw@db.example.com/tth",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://other:5432/tth"), Map.of());
        assertEquals("jdbc:postgresql://other:5432/tth", config.getValue("quarkus.datasource.jdbc.url", String.class));
    }

    @Test
    void thePasswordMayComeFromItsOwnVariable() {
        SmallRyeConfig config = config("prod", true,
                Map.of("TTH_DB_URL", "postgresql://tth@db.example.com/tth", "TTH_DB_PASSWORD", "from-env"), Map.of());
        assertEquals("from-env", config.getRawValue("quarkus.datasource.password"));
    }

    @Test
    void productionWithoutAPasswordInTheUrlOrItsVariableRefusesToStart() {
        Exception e = assertThrows(Exception.class,
                () -> config("prod", true, Map.of("TTH_DB_URL", "postgresql://tth@db.example.com/tth"), Map.of()));
        assertEquals("TTH_DB_URL: no database password is set, and outside the dev and test profiles there is no default:"
                + " put it in TTH_DB_URL (postgresql://USER:PASSWORD@HOST:5432/DBNAME?...) or in TTH_DB_PASSWORD",
                rootCause(e).getMessage());
    }

    @Test
    void productionWithHostAndPortButNoPasswordRefusesToStartNamingThePasswordVariable() {
        Exception e = assertThrows(Exception.class, () -> config("prod", true, Map.of(), Map.of()));
        assertEquals(DatabaseSettingException.class, rootCause(e).getClass());
        assertEquals("TTH_DB_PASSWORD: no database password is set", rootCause(e).getMessage().split(",")[0]);
    }

    @Test
    void devAndTestKeepTheirLocalDefaultPassword() {
        for (String profile : new String[] {"dev", "test"}) {
            assertEquals("postgres", config(profile, true, Map.of(), Map.of())
                    .getValue("quarkus.datasource.password", String.class));
        }
    }

    @Test
    void whileQuarkusBuildsNothingIsDerivedSoNoPasswordIsRecordedIntoTheBuild() {
        SmallRyeConfig config = config("prod", false, Map.of("TTH_DB_URL", "postgresql://tth:s3cret@db.example.com/tth"), Map.of());
        assertEquals("jdbc:postgresql://localhost:5433/tth", config.getValue("quarkus.datasource.jdbc.url", String.class));
        assertFalse(config.getConfigSources().iterator().hasNext() && java.util.stream.StreamSupport
                .stream(config.getConfigSources().spliterator(), false)
                .anyMatch(source -> source.getName().equals(DatabaseUrlConfigSourceFactory.NAME)));
    }

    @Test
    void aBadUrlWhileQuarkusBuildsIsLeftForStartUp() {
        SmallRyeConfig config = config("prod", false, Map.of("TTH_DB_URL", "mysql://x"), Map.of());
        assertEquals("jdbc:postgresql://localhost:5433/tth", config.getValue("quarkus.datasource.jdbc.url", String.class));
        Exception e = assertThrows(Exception.class, () -> config("prod", true, Map.of("TTH_DB_URL", "mysql://x"), Map.of()));
        assertEquals("TTH_DB_URL: must start with postgresql:// or postgres://, as in " + DatabaseUrl.FORM,
                rootCause(e).getMessage());
    }
}

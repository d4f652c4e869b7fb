package com.tradethehype.database;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns {@code tth.db.url} (TTH_DB_URL) into the {@code quarkus.datasource.*} keys of the clients the service
 * configures, in a source above application.properties and below environment variables; nothing while Quarkus builds
 * the application. When the application starts, it also refuses a production start without a database password and connects
 * once, so a wrong address, certificate or login stops start-up with one line naming the setting.
 * Settings read here: {@code tth.db.url}, {@code tth.db.password}, {@code tth.db.host|port|name|user} (without a
 * URL), {@code tth.db.check-at-start} (default true), {@code tth.db.check-timeout} (default 10s).
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;
    static final String NAME = "DatabaseUrlConfigSource[tth.db.url]";

    private final Supplier<ExecutionMode> mode;

    public DatabaseUrlConfigSourceFactory() {
        this(ExecutionMode::current);
    }

    DatabaseUrlConfigSourceFactory(Supplier<ExecutionMode> mode) {
        this.mode = mode;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode now = mode.get();
        if (now == ExecutionMode.UNSET || now == ExecutionMode.STATIC_INIT) {
            // while Quarkus builds the application (or initialises it statically) no datasource key is read, and
            // none must be recorded into the build: the URL carries a password
            return List.of();
        }
        return List.of(new PropertiesConfigSource(derive(context, now == ExecutionMode.RUNTIME_INIT), NAME, ORDINAL));
    }

    private Map<String, String> derive(ConfigSourceContext context, boolean startup) {
        String url = value(context, "tth.db.url");
        String password = value(context, "tth.db.password");
        boolean production = context.getProfiles().stream().noneMatch(p -> p.equals("dev") || p.equals("test"));
        if (url != null) {
            DatabaseUrl db = DatabaseUrl.parse(url);
            String effective = db.password() != null ? db.password() : password;
            if (startup) {
                check(context, production, DatabaseUrl.SETTING, db, effective);
            }
            return DatasourceProperties.of(db, effective, value(context, DatasourceProperties.JDBC_URL) != null,
                    value(context, DatasourceProperties.REACTIVE_URL) != null);
        }
        if (startup) {
            String host = value(context, "tth.db.host");
            if (host != null) {
                DatabaseUrl db = new DatabaseUrl(host, Integer.parseInt(valueOr(context, "tth.db.port", "5432")),
                        valueOr(context, "tth.db.name", "tth"), valueOr(context, "tth.db.user", "postgres"), password,
                        SslMode.DISABLE, null);
                check(context, production, "TTH_DB_HOST/TTH_DB_PORT", db, password);
            } else if (production && password == null) {
                throw noPassword("TTH_DB_PASSWORD");
            }
        }
        return Map.of();
    }

    private static void check(ConfigSourceContext context, boolean production, String setting, DatabaseUrl db,
            String password) {
        if (production && password == null) {
            throw noPassword(setting.equals(DatabaseUrl.SETTING) ? setting : "TTH_DB_PASSWORD");
        }
        if (Boolean.parseBoolean(valueOr(context, "tth.db.check-at-start", "true"))) {
            Duration timeout = Duration.parse("PT" + valueOr(context, "tth.db.check-timeout", "10s"));
            DatabaseCheck.verify(setting, db, password, timeout);
        }
    }

    private static DatabaseSettingException noPassword(String setting) {
        return new DatabaseSettingException(setting, "no database password is set, and outside the dev and test profiles"
                + " there is no default: put it in TTH_DB_URL (postgresql://USER:PASSWORD@HOST:5432/DBNAME?...) or in"
                + " TTH_DB_PASSWORD");
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    private static String valueOr(ConfigSourceContext context, String name, String fallback) {
        String value = value(context, name);
        return value == null ? fallback : value;
    }
}

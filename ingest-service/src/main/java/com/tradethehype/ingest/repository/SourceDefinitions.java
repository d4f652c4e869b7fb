package com.tradethehype.ingest.repository;

import com.tradethehype.ingest.Source;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sources added at run time, and tombstones of configured sources deleted at run time, in
 * {@code ingest.source_definition}: both outlive a restart.
 */
@ApplicationScoped
public class SourceDefinitions {

    /** A stored row: a source, or the tombstone of a configured source ({@code removed}). */
    public record Definition(Source source, boolean removed) {
    }

    private static final String UPSERT = """
            INSERT INTO ingest.source_definition (name, url, kind, enabled, tickers, interval_seconds, weight, removed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET url = excluded.url, kind = excluded.kind, enabled = excluded.enabled,
                tickers = excluded.tickers, interval_seconds = excluded.interval_seconds, weight = excluded.weight,
                removed = excluded.removed, updated_at = now()""";

    private final DataSource dataSource;

    public SourceDefinitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Definition> loadAll() {
        List<Definition> definitions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT * FROM ingest.source_definition ORDER BY name");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                long seconds = rs.getLong("interval_seconds");
                Optional<Duration> interval = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
                String tickers = rs.getString("tickers");
                Source source = new Source(rs.getString("name"), URI.create(rs.getString("url")), rs.getString("kind"),
                        rs.getBoolean("enabled"), tickers.isEmpty() ? List.of() : Arrays.asList(tickers.split(",")),
                        interval, rs.getDouble("weight"), true);
                definitions.add(new Definition(source, rs.getBoolean("removed")));
            }
            return definitions;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading run-time sources failed: " + e.getMessage(), e);
        }
    }

    /** Stores {@code source}, or with {@code removed} a tombstone hiding the configured source of that name. */
    public void save(Source source, boolean removed) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setString(1, source.name());
            upsert.setString(2, source.url().toString());
            upsert.setString(3, source.kind());
            upsert.setBoolean(4, source.enabled());
            upsert.setString(5, String.join(",", source.tickers()));
            if (source.interval().isPresent()) {
                upsert.setLong(6, source.interval().get().toSeconds());
            } else {
                upsert.setNull(6, java.sql.Types.BIGINT);
            }
            upsert.setDouble(7, source.weight());
            upsert.setBoolean(8, removed);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving source " + source.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** Forgets {@code name}, or every row when it is null. */
    public void delete(String name) {
        String sql = name == null ? "DELETE FROM ingest.source_definition"
                : "DELETE FROM ingest.source_definition WHERE name = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            if (name != null) {
                delete.setString(1, name);
            }
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting source " + name + " failed: " + e.getMessage(), e);
        }
    }
}

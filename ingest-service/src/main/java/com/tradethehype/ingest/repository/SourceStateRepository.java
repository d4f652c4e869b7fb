package com.tradethehype.ingest.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.SourceState;
import com.tradethehype.ingest.Validators;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Each source's poll history and conditional-GET validators, one row per source in {@code ingest.source_state}. */
@ApplicationScoped
public class SourceStateRepository {

    /** One row: the state and the validators of the last successful full GET. */
    public record Row(SourceState state, Validators validators) {
    }

    private static final String UPSERT_STATE = """
            INSERT INTO ingest.source_state (source, last_polled_at, last_success_at, last_error_at, last_error,
                consecutive_failures, items_seen, items_published, last_result, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now())
            ON CONFLICT (source) DO UPDATE SET last_polled_at = excluded.last_polled_at,
                last_success_at = excluded.last_success_at, last_error_at = excluded.last_error_at,
                last_error = excluded.last_error, consecutive_failures = excluded.consecutive_failures,
                items_seen = excluded.items_seen, items_published = excluded.items_published,
                last_result = excluded.last_result, updated_at = now()""";
    private static final String UPSERT_VALIDATORS = """
            INSERT INTO ingest.source_state (source, etag, last_modified) VALUES (?, ?, ?)
            ON CONFLICT (source) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                updated_at = now()""";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public SourceStateRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public Map<String, Row> loadAll() {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT * FROM ingest.source_state");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                SourceState state = new SourceState(result(rs.getString("last_result")), instant(rs, "last_polled_at"),
                        instant(rs, "last_success_at"), instant(rs, "last_error_at"), rs.getString("last_error"),
                        rs.getInt("consecutive_failures"), rs.getLong("items_seen"), rs.getLong("items_published"));
                rows.put(rs.getString("source"),
                        new Row(state, new Validators(rs.getString("etag"), rs.getString("last_modified"))));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading source states failed: " + e.getMessage(), e);
        }
    }

    public void saveState(String source, SourceState state) {
        update(UPSERT_STATE, source, statement -> {
            statement.setTimestamp(2, timestamp(state.lastPolledAt()));
            statement.setTimestamp(3, timestamp(state.lastSuccessAt()));
            statement.setTimestamp(4, timestamp(state.lastErrorAt()));
            statement.setString(5, state.lastError());
            statement.setInt(6, state.consecutiveFailures());
            statement.setLong(7, state.itemsSeen());
            statement.setLong(8, state.itemsPublished());
            statement.setString(9, write(state.lastResult()));
        });
    }

    public void saveValidators(String source, Validators validators) {
        update(UPSERT_VALIDATORS, source, statement -> {
            statement.setString(2, validators.etag());
            statement.setString(3, validators.lastModified());
        });
    }

    /** Forgets {@code source}, or every source when it is null. */
    public void delete(String source) {
        String sql = source == null ? "DELETE FROM ingest.source_state" : "DELETE FROM ingest.source_state WHERE source = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            if (source != null) {
                delete.setString(1, source);
            }
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting source state failed: " + e.getMessage(), e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, String source, Binder binder) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, source);
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the state of source " + source + " failed: " + e.getMessage(), e);
        }
    }

    private String write(PollResult result) {
        try {
            return result == null ? null : json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PollResult result(String text) {
        try {
            return text == null ? null : json.readValue(text, PollResult.class);
        } catch (JsonProcessingException e) {
            return null; // written by an older version with other fields: the next poll replaces it
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

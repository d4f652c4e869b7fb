package com.tradethehype.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The audit's view of {@code ingest.published_article}: published articles digest has not been seen to store yet,
 * what was done about them, and the ones reported missing.
 */
@ApplicationScoped
public class UnconfirmedArticles {

    /** One unconfirmed article; {@code event} is null for rows published before events were kept. */
    public record Unconfirmed(String articleId, Instant firstSeenAt, String event, int republished,
                              Instant lastRepublishedAt, Instant reportedAt) {
    }

    /** An article reported missing: published, re-published as often as allowed, never stored by digest. */
    public record Missing(String articleId, String source, String url, String title, Instant firstSeenAt,
                          int republished, Instant reportedAt) {
    }

    private static final String PAGE = """
            SELECT article_id, first_seen_at, event, republished, last_republished_at, reported_at
            FROM ingest.published_article
            WHERE confirmed_at IS NULL AND first_seen_at < ? AND (first_seen_at, article_id) > (?, ?)
            ORDER BY first_seen_at, article_id LIMIT ?""";

    private final DataSource dataSource;

    public UnconfirmedArticles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} unconfirmed articles first seen before {@code before}, oldest first, after {@code after}. */
    public List<Unconfirmed> page(Instant before, Unconfirmed after, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(PAGE)) {
            q.setTimestamp(1, Timestamp.from(before));
            q.setTimestamp(2, Timestamp.from(after == null ? Instant.EPOCH : after.firstSeenAt()));
            q.setString(3, after == null ? "" : after.articleId());
            q.setInt(4, limit);
            List<Unconfirmed> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Unconfirmed(rs.getString(1), instant(rs, 2), rs.getString(3), rs.getInt(4),
                            instant(rs, 5), instant(rs, 6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("reading unconfirmed articles", e);
        }
    }

    /** Marks {@code ids} stored by digest at {@code at} and drops their kept event; the number newly confirmed. */
    public int confirm(Collection<String> ids, Instant at) {
        return update("UPDATE ingest.published_article SET confirmed_at = ?, event = NULL "
                + "WHERE article_id = ANY(?) AND confirmed_at IS NULL", ids, at);
    }

    /** Counts one more re-publication of each of {@code ids}, at {@code at}. */
    public int republished(Collection<String> ids, Instant at) {
        return update("UPDATE ingest.published_article SET republished = republished + 1, last_republished_at = ? "
                + "WHERE article_id = ANY(?)", ids, at);
    }

    /** Marks {@code ids} reported missing at {@code at}. */
    public int reported(Collection<String> ids, Instant at) {
        return update("UPDATE ingest.published_article SET reported_at = ? "
                + "WHERE article_id = ANY(?) AND reported_at IS NULL", ids, at);
    }

    /** Articles reported missing and still not stored, oldest first, at most {@code limit}. */
    public List<Missing> missing(int limit) {
        String sql = """
                SELECT article_id, source, url, title, first_seen_at, republished, reported_at
                FROM ingest.published_article WHERE confirmed_at IS NULL AND reported_at IS NOT NULL
                ORDER BY first_seen_at, article_id LIMIT ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setInt(1, limit);
            List<Missing> rows = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Missing(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), rs.getInt(6), instant(rs, 7)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure("reading missing articles", e);
        }
    }

    /** How many articles are reported missing and still not stored. */
    public long countMissing() {
        String sql = "SELECT count(*) FROM ingest.published_article WHERE confirmed_at IS NULL AND reported_at IS NOT NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("counting missing articles", e);
        }
    }

    /**
     * Takes the audit's lock for as long as the returned handle is open, so that of several ingest replicas one
     * audits at a time; empty when another holds it.
     */
    public Optional<AutoCloseable> tryLock() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            boolean locked;
            try (PreparedStatement q = c.prepareStatement("SELECT pg_try_advisory_lock(hashtext('ingest.publish-audit'))");
                 ResultSet rs = q.executeQuery()) {
                locked = rs.next() && rs.getBoolean(1);
            }
            if (!locked) {
                c.close();
                return Optional.empty();
            }
            Connection held = c;
            return Optional.of(() -> {
                try (held; PreparedStatement u = held.prepareStatement(
                        "SELECT pg_advisory_unlock(hashtext('ingest.publish-audit'))")) {
                    u.executeQuery().close();
                }
            });
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("taking the audit lock", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the lock failure is what gets reported
            }
        }
    }

    private int update(String sql, Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement u = c.prepareStatement(sql)) {
            u.setTimestamp(1, Timestamp.from(at));
            u.setArray(2, c.createArrayOf("text", ids.toArray()));
            return u.executeUpdate();
        } catch (SQLException e) {
            throw failure("updating " + ids.size() + " audited articles", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }
}

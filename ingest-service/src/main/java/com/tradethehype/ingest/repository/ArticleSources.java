package com.tradethehype.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads one published article with every source that carried it. */
@ApplicationScoped
public class ArticleSources {

    /** A published article as recorded. */
    public record Article(String articleId, String source, String url, String title, List<String> tickers,
                          Instant firstSeenAt, List<Carrier> sources) {
    }

    /** One source that carried it; {@code similarity} 1 for the same URL, less for a merged headline. */
    public record Carrier(String source, String url, double similarity, double weight, Instant seenAt) {
    }

    private final DataSource dataSource;

    public ArticleSources(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Article> find(String articleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement article = connection.prepareStatement(
                     "SELECT source, url, title, tickers, first_seen_at FROM ingest.published_article WHERE article_id = ?");
             PreparedStatement sources = connection.prepareStatement("""
                     SELECT source, url, similarity, weight, seen_at FROM ingest.article_source
                     WHERE article_id = ? ORDER BY seen_at, source""")) {
            article.setString(1, articleId);
            try (ResultSet rs = article.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                sources.setString(1, articleId);
                List<Carrier> carriers = new ArrayList<>();
                try (ResultSet s = sources.executeQuery()) {
                    while (s.next()) {
                        carriers.add(new Carrier(s.getString(1), s.getString(2), s.getDouble(3), s.getDouble(4),
                                s.getTimestamp(5).toInstant()));
                    }
                }
                java.sql.Array tickers = rs.getArray(4);
                return Optional.of(new Article(articleId, rs.getString(1), rs.getString(2), rs.getString(3),
                        tickers == null ? List.of() : Arrays.asList((String[]) tickers.getArray()),
                        rs.getTimestamp(5).toInstant(), carriers));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading article " + articleId + " failed: " + e.getMessage(), e);
        }
    }
}

package com.tradethehype.ingest.repository;

import com.tradethehype.contracts.ArticleIngested;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The ids of articles already published, in {@code ingest.published_article}. Recording and publishing happen in
 * one transaction, so an article is never recorded without having been sent, and a concurrent poll of the same
 * article waits on the row lock instead of sending it a second time.
 */
@ApplicationScoped
public class PublishedArticles {

    private static final String INSERT = """
            INSERT INTO ingest.published_article (article_id, source, url, title, published_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (article_id) DO NOTHING""";

    private final DataSource dataSource;

    public PublishedArticles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records {@code article} and, if it was new, runs {@code publish} before committing. Returns false for an
     * article recorded before. If {@code publish} throws, the record is rolled back (so the next poll tries again)
     * and the exception propagates.
     */
    public boolean recordThen(ArticleIngested article, Runnable publish) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (insert(connection, article) == 0) {
                    connection.rollback();
                    return false;
                }
                publish.run();
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording article " + article.articleId() + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code articleId} has been published. */
    public boolean contains(String articleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT 1 FROM ingest.published_article WHERE article_id = ?")) {
            query.setString(1, articleId);
            return query.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up article " + articleId + " failed: " + e.getMessage(), e);
        }
    }

    private static int insert(Connection connection, ArticleIngested article) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, article.articleId());
            insert.setString(2, article.source());
            insert.setString(3, article.url());
            insert.setString(4, article.title());
            insert.setObject(5, article.publishedAt() == null ? null
                    : OffsetDateTime.ofInstant(article.publishedAt(), ZoneOffset.UTC));
            return insert.executeUpdate();
        }
    }
}

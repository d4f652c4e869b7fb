package com.tradethehype.ingest.repository;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.ingest.ItemOutcome;
import com.tradethehype.ingest.config.IngestConfig;
import com.tradethehype.ingest.messaging.ArticlePublisher;
import com.tradethehype.ingest.normalise.TitleWords;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The articles already published ({@code ingest.published_article}) and every source that carried each one
 * ({@code ingest.article_source}). Deciding, recording and publishing a batch happen in one transaction: an article
 * is never recorded without having been sent, and a concurrent poll of the same story waits on the lock of its
 * tickers instead of sending it a second time.
 */
@ApplicationScoped
public class PublishedArticles {

    private static final String INSERT = """
            INSERT INTO ingest.published_article (article_id, source, url, title, published_at, tickers, title_words, weight,
                                                  event)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (article_id) DO NOTHING""";
    private static final String INSERT_SOURCE = """
            INSERT INTO ingest.article_source (article_id, source, item_id, url, similarity, weight)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, source) DO NOTHING""";
    private static final String KNOWN_ITEM = """
            SELECT article_id FROM ingest.article_source WHERE item_id = ?
            UNION ALL SELECT article_id FROM ingest.published_article WHERE article_id = ? LIMIT 1""";
    private static final String CANDIDATES = """
            SELECT article_id, title_words, url FROM ingest.published_article
            WHERE first_seen_at > now() - make_interval(secs => ?) AND tickers && ? AND title_words IS NOT NULL
            ORDER BY first_seen_at DESC LIMIT 500""";

    private final DataSource dataSource;
    private final IngestConfig.Dedup dedup;
    private final ArticlePublisher bodies;

    public PublishedArticles(DataSource dataSource, IngestConfig config, ArticlePublisher bodies) {
        this.dataSource = dataSource;
        this.dedup = config.dedup();
        this.bodies = bodies;
    }

    /**
     * Publishes {@code article} once. DUPLICATE when its URL is known (from any source; a new source is recorded),
     * MERGED when its headline matches one from another site published in the dedup window with a shared ticker
     * (recorded as one more source of that article, not sent), else PUBLISHED after {@code publish} ran. If {@code publish} throws,
     * nothing is recorded (so the next poll tries again) and the exception propagates.
     */
    public ItemOutcome publishOnce(ArticleIngested article, double weight, Runnable publish) {
        return publishBatch(List.of(article), weight, sent -> publish.run()).get(0);
    }

    /**
     * {@link #publishOnce} for several articles of one source in one transaction, in order (a later one is checked
     * against the earlier ones too): {@code publish} gets every article that came out PUBLISHED, at once, and runs
     * before the commit. If it throws, none of the batch is recorded, so the next poll tries them all again.
     *
     * @return the outcome of each article, in the order given
     */
    public List<ItemOutcome> publishBatch(List<ArticleIngested> articles, double weight,
                                          Consumer<List<ArticleIngested>> publish) {
        if (articles.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                lockTickers(connection, articles.stream().flatMap(a -> a.tickers().stream()).distinct().toList());
                List<ItemOutcome> outcomes = new ArrayList<>(articles.size());
                List<ArticleIngested> toSend = new ArrayList<>();
                for (ArticleIngested article : articles) {
                    outcomes.add(decide(connection, article, weight, () -> toSend.add(article)));
                }
                if (!toSend.isEmpty()) {
                    publish.accept(List.copyOf(toSend));
                }
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Recording " + articles.size() + " articles from " + articles.get(0).articleId()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private ItemOutcome decide(Connection connection, ArticleIngested article, double weight, Runnable publish)
            throws SQLException {
        String known = knownArticle(connection, article.articleId());
        if (known != null) {
            addSource(connection, known, article, 1, weight);
            return ItemOutcome.DUPLICATE;
        }
        String words = TitleWords.withoutSuffix(article.title());
        if (TitleWords.count(words) >= dedup.minWords()) {
            Match match = nearest(connection, article);
            if (match != null) {
                addSource(connection, match.articleId(), article, match.similarity(), weight);
                Log.debugf("Article %s of %s merged into %s (similarity %.2f)", article.articleId(), article.source(),
                        match.articleId(), match.similarity());
                return ItemOutcome.MERGED;
            }
        }
        if (insert(connection, article, words, weight) == 0) {
            return ItemOutcome.DUPLICATE; // a concurrent poll recorded it first
        }
        addSource(connection, article.articleId(), article, 1, weight);
        publish.run();
        return ItemOutcome.PUBLISHED;
    }

    /** Record-then-publish by URL only, without near-duplicate merging; false for an article recorded before. */
    public boolean recordThen(ArticleIngested article, Runnable publish) {
        return publishOnce(article, 1, publish) == ItemOutcome.PUBLISHED;
    }

    /** Whether {@code articleId} has been published. */
    public boolean contains(String articleId) {
        try (Connection connection = dataSource.getConnection()) {
            return knownArticle(connection, articleId) != null;
        } catch (SQLException e) {
            throw new IllegalStateException("Looking up article " + articleId + " failed: " + e.getMessage(), e);
        }
    }

    private record Match(String articleId, double similarity) {
    }

    private Match nearest(Connection connection, ArticleIngested article) throws SQLException {
        Match best = null;
        try (PreparedStatement query = connection.prepareStatement(CANDIDATES)) {
            query.setDouble(1, dedup.window().toSeconds());
            query.setArray(2, connection.createArrayOf("text", article.tickers().toArray()));
            String host = host(article.url());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (host.equals(host(rs.getString(3)))) {
                        continue; // one site's similar headlines are different items (filings, templates, bots)
                    }
                    double similarity = TitleWords.similarity(article.title(), rs.getString(2));
                    if (similarity >= dedup.threshold() && (best == null || similarity > best.similarity())) {
                        best = new Match(rs.getString(1), similarity);
                    }
                }
            }
        }
        return best;
    }

    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host;
    }

    /** Transaction-scoped advisory locks on each ticker, in order: stories about one stock are decided one at a time. */
    private static void lockTickers(Connection connection, List<String> tickers) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            for (String ticker : tickers.stream().sorted().toList()) {
                lock.setString(1, "ingest.ticker:" + ticker);
                lock.executeQuery().close();
            }
        }
    }

    private static String knownArticle(Connection connection, String itemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(KNOWN_ITEM)) {
            query.setString(1, itemId);
            query.setString(2, itemId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void addSource(Connection connection, String articleId, ArticleIngested item, double similarity,
                                  double weight) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SOURCE)) {
            insert.setString(1, articleId);
            insert.setString(2, item.source());
            insert.setString(3, item.articleId());
            insert.setString(4, item.url());
            insert.setDouble(5, similarity);
            insert.setDouble(6, weight);
            insert.executeUpdate();
        }
    }

    /** Records the article with its event as sent, kept until the audit sees digest store it; no date if undated. */
    private int insert(Connection connection, ArticleIngested article, String words, double weight)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, article.articleId());
            insert.setString(2, article.source());
            insert.setString(3, article.url());
            insert.setString(4, article.title());
            insert.setObject(5, article.undated() ? null : OffsetDateTime.ofInstant(article.publishedAt(), ZoneOffset.UTC));
            insert.setArray(6, connection.createArrayOf("text", article.tickers().toArray()));
            insert.setString(7, words);
            insert.setDouble(8, weight);
            insert.setString(9, bodies.body(article));
            return insert.executeUpdate();
        }
    }
}

package com.tradethehype.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.messaging.QueueUnavailableException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Record-then-publish in one transaction, against the real PostgreSQL schema Flyway created. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class PublishedArticlesTest {

    @Inject
    PublishedArticles published;
    @Inject
    IngestTestSupport support;

    private final ArticleIngested article = new ArticleIngested("a".repeat(64), "test", "https://example.com/a",
            "A headline about $AAPL", "", Instant.parse("2024-01-02T03:04:05Z"), Instant.now(), List.of("AAPL"), "en");

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void publishesANewArticleOnceAndRecognisesItAfterwards() {
        AtomicInteger sends = new AtomicInteger();
        assertTrue(published.recordThen(article, sends::incrementAndGet));
        assertFalse(published.recordThen(article, sends::incrementAndGet));
        assertEquals(1, sends.get());
        assertTrue(published.contains(article.articleId()));
    }

    @Test
    void aFailedSendRollsTheRecordBackSoTheNextPollRetriesIt() {
        assertThrows(QueueUnavailableException.class, () -> published.recordThen(article, () -> {
            throw new QueueUnavailableException("send to tth-articles-ingested: no answer within 10s", null);
        }));
        assertFalse(published.contains(article.articleId()));

        AtomicInteger sends = new AtomicInteger();
        assertTrue(published.recordThen(article, sends::incrementAndGet));
        assertEquals(1, sends.get());
    }
}

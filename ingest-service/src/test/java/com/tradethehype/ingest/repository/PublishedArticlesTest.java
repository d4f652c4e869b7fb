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
import com.tradethehype.ingest.ItemOutcome;
import com.tradethehype.ingest.messaging.ArticlePublisher;
import com.tradethehype.messaging.QueueUnavailableException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Record-then-publish in one transaction, one article or a batch, against the real PostgreSQL schema Flyway created
 * and the real SQS queue (ElasticMQ).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class PublishedArticlesTest {

    @Inject
    PublishedArticles published;
    @Inject
    IngestTestSupport support;
    @Inject
    ArticlePublisher publisher;

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
    private static ArticleIngested story(String id, String url, String title, String... tickers) {
        return new ArticleIngested(id.repeat(64).substring(0, 64), "test", url, title, "",
                Instant.parse("2024-01-02T03:04:05Z"), Instant.now(), List.of(tickers), "en");
    }

    @Test
    void aBatchIsSentInOneCallAndEachArticleIsCheckedAgainstTheEarlierOnesOfTheBatch() {
        ArticleIngested first = story("b", "https://news.example.com/apple-record",
                "Apple shares jump after record iPhone sales in China", "AAPL");
        ArticleIngested sameUrl = story("b", "https://news.example.com/apple-record",
                "Apple shares jump after record iPhone sales in China", "AAPL");
        ArticleIngested syndicated = story("c", "https://wire.example.org/apple-copy",
                "Apple Shares Jump After Record iPhone Sales In China - Wire", "AAPL");
        ArticleIngested other = story("d", "https://news.example.com/ford", "Ford recalls pickups over brake fault", "F");
        List<List<ArticleIngested>> sends = new ArrayList<>();

        List<ItemOutcome> outcomes = published.publishBatch(List.of(first, sameUrl, syndicated, other), 1, sends::add);

        assertEquals(List.of(ItemOutcome.PUBLISHED, ItemOutcome.DUPLICATE, ItemOutcome.MERGED, ItemOutcome.PUBLISHED),
                outcomes);
        assertEquals(List.of(List.of(first, other)), sends, "one send with the two new articles");
        assertTrue(published.contains(first.articleId()) && published.contains(other.articleId()));
        assertEquals(List.of(), published.publishBatch(List.of(), 1, sends::add));
    }

    @Test
    void aBatchWhoseSqsSendFailsIsNotRecordedAndTheNextTryPublishesItWhole() {
        List<ArticleIngested> batch = IntStream.range(0, 12).mapToObj(i -> story(Integer.toHexString(i),
                "https://news.example.com/story-" + i, "Distinct story number " + i + " about Microsoft", "MSFT"))
                .toList();

        support.withoutArticlesQueue(() -> assertThrows(QueueUnavailableException.class,
                () -> published.publishBatch(batch, 1, publisher::publishAll)));
        assertTrue(batch.stream().noneMatch(a -> published.contains(a.articleId())), "nothing marked published");
        assertEquals(List.of(), support.published());

        assertEquals(12, published.publishBatch(batch, 1, publisher::publishAll).stream()
                .filter(o -> o == ItemOutcome.PUBLISHED).count());
        assertEquals(batch.stream().map(ArticleIngested::articleId).sorted().toList(),
                support.published().stream().map(ArticleIngested::articleId).sorted().toList(),
                "twelve articles sent in two batch calls, each once");
        assertTrue(published.publishBatch(batch, 1, publisher::publishAll).stream()
                .allMatch(o -> o == ItemOutcome.DUPLICATE), "a second poll sends nothing");
        assertEquals(List.of(), support.published());
    }
}

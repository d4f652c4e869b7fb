package com.tradethehype.ingest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.ItemOutcome;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.poll.ItemIngester;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A burst of 2,000 new items with tickers from one source, published once item by item (one transaction and one
 * SQS send each: how ingest worked before issue 10) and once in batches of ten (one transaction and one
 * SendMessageBatch per ten, five times in a row so the warm rate shows beside the first), against the test resources'
 * PostgreSQL and ElasticMQ. Ingest's share of the end-to-end rate only. Run by {@code bench/ingest-bench.sh}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
@Tag("bench")
class PublishBurstBench {

    private static final int ITEMS = 2_000;
    /** Batched bursts in a row: the first runs on a cold JIT and a cold queue server, the later ones show a warm service. */
    private static final int BATCHED_ROUNDS = 5;

    @Inject
    IngestTestSupport support;
    @Inject
    ItemIngester ingester;

    @Test
    void publishesABurstInBatchesFasterThanItemByItem() throws IOException {
        List<FeedItem> items = burst();
        support.reset();
        Source source = support.addSource("burst", "http://127.0.0.1:9/burst.xml", "rss");
        Instant now = Instant.now();

        long started = System.nanoTime();
        int single = 0;
        for (FeedItem item : items) {
            single += ingester.ingest(source, item, "en", now) == ItemOutcome.PUBLISHED ? 1 : 0;
        }
        double singleSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(single, support.published().size());
        support.reset();

        List<String> rounds = new ArrayList<>();
        int batched = 0;
        double batchSeconds = 0;
        for (int round = 1; round <= BATCHED_ROUNDS; round++) {
            started = System.nanoTime();
            batched = publishInBatches(source, items, now);
            batchSeconds = (System.nanoTime() - started) / 1e9;
            assertEquals(single, batched);
            assertEquals(batched, support.published().size());
            support.reset();
            rounds.add(String.format("%.2f s = %.0f/s", batchSeconds, batched / batchSeconds));
        }
        IngestThroughputBench.Bench.report(String.format("publish burst of %d items (%d with tickers): item by item "
                        + "%.2f s = %.0f articles/s; batches of 10, %d rounds in the same JVM, database and queue "
                        + "server (emptied between rounds): %s; last round x%.1f item by item%n", ITEMS, batched,
                singleSeconds, single / singleSeconds, BATCHED_ROUNDS, String.join(", ", rounds),
                singleSeconds / batchSeconds));
    }

    /** One burst through prepare and publish, ten events per transaction and SQS call, as a poll does. */
    private int publishInBatches(Source source, List<FeedItem> items, Instant now) {
        int batched = 0;
        List<ArticleIngested> batch = new ArrayList<>();
        for (FeedItem item : items) {
            ItemIngester.Prepared prepared = ingester.prepare(source, item, "en", now);
            if (prepared.event() != null) {
                batch.add(prepared.event());
            }
            if (batch.size() == 10) {
                batched += published(ingester.publish(source, batch));
                batch.clear();
            }
        }
        return batched + (batch.isEmpty() ? 0 : published(ingester.publish(source, batch)));
    }

    private static int published(List<ItemOutcome> outcomes) {
        return (int) outcomes.stream().filter(o -> o == ItemOutcome.PUBLISHED).count();
    }

    /** Texts of the extraction table, each with a link of its own. */
    private static List<FeedItem> burst() throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = PublishBurstBench.class.getResourceAsStream("/extraction/cases.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.add(line.split("\t", 4)[3]);
                }
            }
        }
        List<FeedItem> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(new FeedItem(texts.get(i % texts.size()), "https://news.example.com/burst/" + i, "",
                    Instant.parse("2024-01-02T03:04:05Z").plusSeconds(i), null));
        }
        return items;
    }
}

package com.tradethehype.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An item its feed does not date is published undated, never stamped "published now". */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class UndatedItemTest {

    @Inject
    IngestTestSupport support;
    @Inject
    ItemIngester ingester;
    @Inject
    SourceCatalog catalog;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void anItemWithoutADateIsPublishedUndatedAtItsFetchTimeAndRecordedWithoutADate() {
        Source yahoo = catalog.byName(FeedFixturesTestResource.YAHOO);
        Instant fetchedAt = Instant.parse("2026-12-01T09:30:00Z");
        String link = "https://finance.yahoo.com/news/undated-" + UUID.randomUUID() + ".html";
        var item = new FeedItem("Microsoft expands its cloud deal with a new partner in Europe", link,
                "Microsoft Corp. said on Tuesday.", null, null);

        ArticleIngested event = ingester.prepare(yahoo, item, "en", fetchedAt).event();
        assertTrue(event.undated());
        assertEquals(fetchedAt, event.publishedAt(), "placed at first sight, flagged as such");
        ingester.publish(yahoo, List.of(event));

        List<ArticleIngested> sent = support.published();
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).undated());
        assertNull(support.queryValue("SELECT published_at FROM ingest.published_article WHERE article_id = '"
                + event.articleId() + "'"), "no made-up publication date in ingest's record");
    }

    @Test
    void anItemWithADateStaysDated() {
        Source yahoo = catalog.byName(FeedFixturesTestResource.YAHOO);
        Instant published = Instant.parse("2026-12-01T08:00:00Z");
        var item = new FeedItem("Microsoft raises its dividend by ten percent for the year",
                "https://finance.yahoo.com/news/dated-" + UUID.randomUUID() + ".html", "", published, null);

        ArticleIngested event = ingester.prepare(yahoo, item, "en", Instant.parse("2026-12-01T09:30:00Z")).event();
        assertFalse(event.undated());
        assertEquals(published, event.publishedAt());
        ingester.publish(yahoo, List.of(event));
        assertFalse(support.published().get(0).undated());
        assertEquals(published, ((Timestamp) support.queryValue("SELECT published_at FROM ingest.published_article "
                + "WHERE article_id = '" + event.articleId() + "'")).toInstant());
    }
}

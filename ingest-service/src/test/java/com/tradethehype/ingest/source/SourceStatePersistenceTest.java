package com.tradethehype.ingest.source;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.SourceState;
import com.tradethehype.ingest.poll.SourcePoller;
import com.tradethehype.ingest.repository.SourceStateRepository;
import com.tradethehype.ingest.source.FetchValidators;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static com.tradethehype.ingest.FeedFixturesTestResource.XXE;
import static com.tradethehype.ingest.FeedFixturesTestResource.YAHOO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-source state lives in PostgreSQL: what a restarted service reads back. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class SourceStatePersistenceTest {

    @Inject
    IngestTestSupport support;
    @Inject
    SourcePoller poller;
    @Inject
    SourceCatalog catalog;
    @Inject
    SourceStateRepository repository;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void aRestartedServiceKnowsEachSourcesHistoryAndStillPollsConditionally() {
        poller.poll(catalog.byName(YAHOO));
        poller.poll(catalog.byName(XXE));
        poller.poll(catalog.byName(XXE));

        SourceStates restarted = new SourceStates(repository);
        SourceState yahoo = restarted.of(YAHOO);
        assertEquals(PollStatus.OK, yahoo.lastResult().status());
        assertEquals(2, yahoo.itemsSeen());
        assertEquals(2, yahoo.itemsPublished());
        assertNotNull(yahoo.lastSuccessAt());
        SourceState xxe = restarted.of(XXE);
        assertEquals(2, xxe.consecutiveFailures());
        assertEquals("parse", xxe.lastResult().failure());
        assertTrue(xxe.lastError().contains("DOCTYPE"), xxe.lastError());
        assertTrue(new FetchValidators(restarted).of(YAHOO).orElseThrow().etag().startsWith("\""));
    }

    @Test
    void itemsSeenAddUpOverPollsAndAnUnchangedPollKeepsTheStreakAtZero() {
        poller.poll(catalog.byName(YAHOO));
        support.published();
        support.execute("DELETE FROM ingest.published_article");
        assertEquals(PollStatus.UNCHANGED, poller.poll(catalog.byName(YAHOO)).status());
        assertEquals(2L, ((Number) support.queryValue(
                "SELECT items_seen FROM ingest.source_state WHERE source = '" + YAHOO + "'")).longValue());
        assertEquals(0, ((Number) support.queryValue(
                "SELECT consecutive_failures FROM ingest.source_state WHERE source = '" + YAHOO + "'")).intValue());
    }
}

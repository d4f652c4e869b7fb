package com.tradethehype.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scheduled tick: which sources are due, and that failing ones never stop the rest. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class PollSchedulerTest {

    private static final Duration TICK = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Inject
    PollScheduler scheduler;
    @Inject
    IngestTestSupport support;

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    @Test
    void tickPollsEveryEnabledSourceDespiteFailuresAndSkipsThemUntilTheyAreDueAgain() {
        Map<String, PollStatus> first = scheduler.pollDue(Instant.now()).stream()
                .collect(Collectors.toMap(PollResult::source, PollResult::status));
        assertEquals(FeedFixturesTestResource.ENABLED, first.keySet().stream().sorted().toList());
        assertEquals(PollStatus.FAILED, first.get(FeedFixturesTestResource.XXE));
        assertEquals(PollStatus.OK, first.get(FeedFixturesTestResource.YAHOO));

        assertEquals(List.of(), scheduler.pollDue(Instant.now().plusSeconds(60)));
    }

    @Test
    void aSourceIsDueWhenNeverPolledOrWhenItsIntervalHasPassedGiveOrTakeHalfATick() {
        assertTrue(PollScheduler.isDue(null, T0, TICK, TICK));
        assertTrue(PollScheduler.isDue(T0, T0.plus(TICK).minusSeconds(2), TICK, TICK), "timer jitter");
        assertFalse(PollScheduler.isDue(T0, T0.plusSeconds(60), TICK, TICK));
        Duration quarterHour = Duration.ofMinutes(15);
        assertFalse(PollScheduler.isDue(T0, T0.plus(Duration.ofMinutes(10)), quarterHour, TICK));
        assertTrue(PollScheduler.isDue(T0, T0.plus(Duration.ofMinutes(15)).minusSeconds(3), quarterHour, TICK));
    }
}

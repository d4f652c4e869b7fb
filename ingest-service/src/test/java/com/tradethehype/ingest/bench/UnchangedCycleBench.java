package com.tradethehype.ingest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.FeedServer;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.poll.PollScheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A poll cycle of 500 sources whose feeds have not changed: every request conditional, every answer 304, every
 * source's state written to PostgreSQL. Loopback, one host, exempt from the per-host spacing (the default for
 * loopback). Run by {@code bench/ingest-bench.sh}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
@Tag("bench")
class UnchangedCycleBench {

    private static final int SOURCES = 500;

    @Inject
    IngestTestSupport support;
    @Inject
    PollScheduler scheduler;

    @Test
    void fiveHundredUnchangedSourcesInOneCycle() throws IOException {
        support.reset();
        Path folder = Files.createTempDirectory("tth-bench");
        try (InputStream in = getClass().getResourceAsStream("/fixtures/yahoo_finance_headline_msft_rss_2020-08-01.xml")) {
            Files.write(folder.resolve("feed-0.xml"), in.readAllBytes());
        }
        for (int i = 1; i < SOURCES; i++) {
            Files.copy(folder.resolve("feed-0.xml"), folder.resolve("feed-" + i + ".xml"));
        }
        try (FeedServer server = FeedServer.serve(folder, 0)) {
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < SOURCES; i++) {
                sources.add(support.addSource("bench-" + i, server.url("feed-" + i + ".xml"), "rss", "MSFT"));
            }
            long first = System.nanoTime();
            List<PollResult> full = scheduler.pollAll(sources);
            double firstSeconds = (System.nanoTime() - first) / 1e9;
            assertTrue(full.stream().allMatch(r -> r.status() == PollStatus.OK), "first cycle reads every feed");

            long second = System.nanoTime();
            List<PollResult> unchanged = scheduler.pollAll(sources);
            double secondSeconds = (System.nanoTime() - second) / 1e9;
            Map<PollStatus, Long> statuses = unchanged.stream()
                    .collect(Collectors.groupingBy(PollResult::status, Collectors.counting()));
            assertEquals(Map.of(PollStatus.UNCHANGED, (long) SOURCES), statuses);
            IngestThroughputBench.Bench.report(String.format("%d-source cycle: first (full GETs, 2 published, %d "
                            + "duplicates) %.2f s; unchanged (all 304) %.2f s = %.1f ms per source; %d requests served%n",
                    SOURCES, full.stream().mapToInt(PollResult::duplicates).sum(), firstSeconds, secondSeconds,
                    secondSeconds * 1000 / SOURCES, server.requests()));
        } finally {
            support.reset();
            try (var files = Files.list(folder)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(folder);
        }
    }
}

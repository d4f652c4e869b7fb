package com.tradethehype.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code poll-once}, the scale-to-zero pipeline's one-shot ingest task, through the real main against the recorded
 * feeds over loopback HTTP, embedded PostgreSQL and ElasticMQ (the module's test resources): every enabled source is
 * polled once, and the exit code says whether any failed.
 */
@QuarkusMainTest
class PollOnceCommandTest {

    /** The fixture sources that fail on purpose: a 404, a feed over the size limit, a feed with a DOCTYPE. */
    static final List<String> FAILING = List.of(FeedFixturesTestResource.MISSING, FeedFixturesTestResource.OVERSIZE,
            FeedFixturesTestResource.XXE);

    @AfterEach
    void clear() {
        FeedFixturesTestResource.ENABLED.forEach(s -> System.clearProperty("ingest.sources." + s + ".enabled"));
    }

    static void disable(List<String> sources) {
        sources.forEach(s -> System.setProperty("ingest.sources." + s + ".enabled", "false"));
    }

    @Test
    void pollOnceExitsOneNamingTheFailedSourcesAfterPollingEveryOther(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("poll-once");

        String output = result.getOutput() + result.getErrorOutput();
        assertEquals(1, result.exitCode(), output);
        assertTrue(output.contains("poll-once: " + FeedFixturesTestResource.MISSING + " FAILED"), output);
        assertTrue(output.contains("poll-once: " + FeedFixturesTestResource.YAHOO + " "), output);
        assertTrue(output.contains("3 of 13 sources failed: missing, oversize, xxe"), output);
    }

    @Test
    void pollOncePollsEveryEnabledSourceAndExitsZeroWhenNoneFails(QuarkusMainLauncher launcher) {
        disable(FAILING);

        LaunchResult result = launcher.launch("poll-once");

        String output = result.getOutput() + result.getErrorOutput();
        assertEquals(0, result.exitCode(), output);
        int enabled = FeedFixturesTestResource.ENABLED.size() - FAILING.size();
        assertTrue(output.contains("poll-once: " + enabled + " sources polled"), output);
        for (String source : FeedFixturesTestResource.ENABLED) {
            assertEquals(!FAILING.contains(source), output.contains("poll-once: " + source + " "), source + "\n" + output);
        }
        assertTrue(output.contains("poll-once: " + FeedFixturesTestResource.YAHOO + " OK fetched 2")
                || output.contains("poll-once: " + FeedFixturesTestResource.YAHOO + " UNCHANGED"), output);
    }

    @Test
    void pollOnceWithNoEnabledSourceExitsThreeAndSaysWhatToConfigure(QuarkusMainLauncher launcher) {
        disable(FeedFixturesTestResource.ENABLED);

        LaunchResult result = launcher.launch("poll-once");

        String output = result.getOutput() + result.getErrorOutput();
        assertEquals(3, result.exitCode(), output);
        assertTrue(output.contains("no enabled source; configure ingest.sources.<name>.url"), output);
    }
}

package com.tradethehype.ingest.app;

import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.PollStatus;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.poll.PollScheduler;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the service, or with {@code poll-once} polls every enabled source once and exits (the scale-to-zero
 * deployment's scheduled task). Exit codes: 0 every source polled (OK, EMPTY or UNCHANGED); 1 a source failed (the
 * others were still polled, and what they found is published); 2 bad arguments; 3 no enabled source configured.
 * In its own package: it wires the pipeline stages, which all use the domain records at the root.
 */
@QuarkusMain
public class IngestMain implements QuarkusApplication {

    public static final String POLL_ONCE = "poll-once";

    @Inject
    SourceCatalog catalog;
    @Inject
    PollScheduler scheduler;

    public static void main(String... args) {
        if (args.length > 0 && POLL_ONCE.equals(args[0])) {
            System.setProperty("quarkus.http.port", "0"); // a one-shot task must not need the service's port
            System.setProperty("quarkus.scheduler.enabled", "false"); // this run polls once, the timer must not too
        }
        Quarkus.run(IngestMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (!POLL_ONCE.equals(args[0]) || args.length > 1) {
            Log.errorf("unexpected arguments %s; usage: [poll-once]", String.join(" ", args));
            return 2;
        }
        List<Source> sources = catalog.enabled();
        if (sources.isEmpty()) {
            Log.error("poll-once: no enabled source; configure ingest.sources.<name>.url (see ingest-service/README.md)");
            return 3;
        }
        List<PollResult> results = scheduler.pollAll(sources);
        for (PollResult r : results) {
            Log.infof("poll-once: %s %s fetched %d, published %d%s", r.source(), r.status(), r.fetched(), r.published(),
                    r.status() == PollStatus.FAILED ? " (" + r.failure() + ": " + r.error() + ")" : "");
        }
        Set<String> answered = results.stream().map(PollResult::source).collect(Collectors.toSet());
        List<String> failed = sources.stream().map(Source::name)
                .filter(name -> !answered.contains(name) || results.stream()
                        .anyMatch(r -> r.source().equals(name) && r.status() == PollStatus.FAILED))
                .sorted().toList();
        int published = results.stream().mapToInt(PollResult::published).sum();
        if (!failed.isEmpty()) {
            Log.errorf("poll-once: %d of %d sources failed: %s; %d articles published", failed.size(), sources.size(),
                    String.join(", ", failed), published);
            return 1;
        }
        Log.infof("poll-once: %d sources polled, %d articles published", sources.size(), published);
        return 0;
    }
}

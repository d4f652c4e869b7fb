package com.tradethehype.sentiment;

import com.tradethehype.sentiment.config.SentimentConfig;
import com.tradethehype.sentiment.inference.SentimentModel;
import com.tradethehype.sentiment.messaging.IngestedQueueDrain;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * Runs the service, or with {@code drain} empties {@code tth-articles-ingested} once and exits (the scale-to-zero
 * deployment's scheduled task): wait for the model, score and publish until the queue stays empty. Exit codes:
 * 0 drained; 1 the model did not load; 2 bad arguments; 3 a batch could not be scored or published (it stays on
 * the queue).
 */
@QuarkusMain
public class SentimentMain implements QuarkusApplication {

    public static final String DRAIN = "drain";

    @Inject
    SentimentModel model;
    @Inject
    IngestedQueueDrain drain;
    @Inject
    SentimentConfig config;

    public static void main(String... args) {
        if (isDrain(args)) {
            System.setProperty("quarkus.http.port", "0"); // a one-shot task must not need the service's port
        }
        Quarkus.run(SentimentMain.class, args);
    }

    /** Whether these are the arguments of the one-shot drain (the continuous consumer then stays off). */
    public static boolean isDrain(String... args) {
        return args.length > 0 && DRAIN.equals(args[0]);
    }

    @Override
    public int run(String... args) throws Exception {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (!isDrain(args) || args.length > 1) {
            Log.errorf("unexpected arguments %s; usage: [drain]", String.join(" ", args));
            return 2;
        }
        SentimentModel.State state = model.awaitSettled(config.drain().modelTimeout());
        if (state != SentimentModel.State.READY) {
            Log.errorf("drain: no model, nothing consumed (%s)", state == SentimentModel.State.FAILED
                    ? model.failure() : "still loading after " + config.drain().modelTimeout());
            return 1;
        }
        try {
            IngestedQueueDrain.Report report = drain.drain();
            Log.infof("drain: %d received, %d scored and published by %s, %d unreadable left for the dead-letter queue",
                    report.received(), report.published(), model.modelRef(), report.unreadable());
            return 0;
        } catch (Exception e) {
            Log.errorf(e, "drain: stopped, the failed batch stays on the queue: %s", e.getMessage());
            return 3;
        }
    }
}

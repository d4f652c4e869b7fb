package com.tradethehype.sentiment.inference;

import com.tradethehype.contracts.ModelRef;
import com.tradethehype.contracts.Sentiment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one model this service runs, and its state: LOADING until it has loaded and answered a warm-up batch,
 * then READY; FAILED (with the reason) if it could not load. Nothing is scored unless READY.
 */
@ApplicationScoped
public class SentimentModel {

    /** Lifecycle of the model. */
    public enum State { LOADING, READY, FAILED }

    static final List<String> WARM_UP = List.of("Apple shares rise after strong iPhone sales",
            "Ford recalls 500,000 vehicles over brake defect", "The company will report earnings on Tuesday");

    private final ModelLoader loader;
    private final MeterRegistry metrics;
    private final AtomicReference<State> state = new AtomicReference<>(State.LOADING);
    private final Timer latency;
    private final DistributionSummary batchSizes;
    private final Counter items;
    private volatile LoadedModel model;
    private volatile String failure;

    public SentimentModel(ModelLoader loader, MeterRegistry metrics) {
        this.loader = loader;
        this.metrics = metrics;
        this.latency = Timer.builder("tth.sentiment.batch.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("time to score one batch").register(metrics);
        this.batchSizes = DistributionSummary.builder("tth.sentiment.batch.size").register(metrics);
        this.items = metrics.counter("tth.sentiment.items.scored");
        metrics.gauge("tth.sentiment.model.ready", state, s -> s.get() == State.READY ? 1 : 0);
    }

    /** Loads and warms up the configured model; on failure records why and stays FAILED. */
    public State start() {
        try {
            LoadedModel loaded = loader.load();
            List<Sentiment> warm = loaded.score(WARM_UP);
            if (warm.size() != WARM_UP.size()) {
                throw new IllegalStateException("warm-up returned " + warm.size() + " results for " + WARM_UP.size());
            }
            model = loaded;
            metrics.gauge("tth.sentiment.model.info", List.of(io.micrometer.core.instrument.Tag.of("model",
                    loaded.description().model().toString())), this, m -> 1);
            state.set(State.READY);
            Log.infof("Model %s is ready", loaded.description().model());
        } catch (Throwable e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            state.set(State.FAILED);
            metrics.counter("tth.sentiment.model.load.failures").increment();
            Log.errorf(e, "MODEL FAILED TO LOAD - sentiment-service will not score anything: %s", failure);
        }
        return state.get();
    }

    public State state() {
        return state.get();
    }

    /** Why the model failed to load, or null. */
    public String failure() {
        return failure;
    }

    /** The model that scores; only valid when READY. */
    public ModelRef modelRef() {
        return requireReady().description().model();
    }

    /** Scores texts in input order; throws {@link ModelUnavailableException} unless READY. */
    public List<Sentiment> score(List<String> texts) throws Exception {
        LoadedModel ready = requireReady();
        long start = System.nanoTime();
        List<Sentiment> result = ready.score(texts);
        latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        batchSizes.record(texts.size());
        items.increment(texts.size());
        return result;
    }

    private LoadedModel requireReady() {
        LoadedModel current = model;
        if (state.get() != State.READY || current == null) {
            throw new ModelUnavailableException(state.get() == State.FAILED
                    ? "model failed to load: " + failure : "model is still loading");
        }
        return current;
    }

    void close() {
        if (model != null) {
            model.close();
        }
    }
}

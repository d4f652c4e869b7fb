package com.tradethehype.sentiment.inference;

import com.tradethehype.contracts.ModelRef;
import com.tradethehype.contracts.Sentiment;
import com.tradethehype.sentiment.config.SentimentConfig;
import com.tradethehype.web.CleanReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one model this service runs, its one {@link InferenceEngine}, and its state: LOADING until it has loaded and
 * answered a warm-up batch, then READY; FAILED (with the reason) if it could not load. Nothing is scored unless
 * READY.
 */
@ApplicationScoped
public class SentimentModel {

    /** Lifecycle of the model. */
    public enum State { LOADING, READY, FAILED }

    static final List<String> WARM_UP = List.of("Apple shares rise after strong iPhone sales",
            "Ford recalls 500,000 vehicles over brake defect", "The company will report earnings on Tuesday");

    private final ModelLoader loader;
    private final SentimentConfig config;
    private final MeterRegistry metrics;
    private final AtomicReference<State> state = new AtomicReference<>(State.LOADING);
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Timer latency;
    private final DistributionSummary batchSizes;
    private final Counter items;
    private volatile LoadedModel model;
    private volatile InferenceEngine engine;
    private volatile String failure;

    public SentimentModel(ModelLoader loader, SentimentConfig config, MeterRegistry metrics) {
        this.loader = loader;
        this.config = config;
        this.metrics = metrics;
        this.latency = Timer.builder("tth.sentiment.batch.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("time to score one caller's texts, queueing included").register(metrics);
        this.batchSizes = DistributionSummary.builder("tth.sentiment.batch.size").register(metrics);
        this.items = metrics.counter("tth.sentiment.items.scored");
        metrics.gauge("tth.sentiment.model.ready", state, s -> s.get() == State.READY ? 1 : 0);
    }

    /** Loads and warms up the configured model; on failure records why and stays FAILED. */
    public State start() {
        try {
            LoadedModel loaded = loader.load();
            model = loaded;
            engine = newEngine(loaded);
            List<Sentiment> warm = engine.submit(WARM_UP).get(5, TimeUnit.MINUTES);
            if (warm.size() != WARM_UP.size()) {
                throw new IllegalStateException("warm-up returned " + warm.size() + " results for " + WARM_UP.size());
            }
            metrics.gauge("tth.sentiment.model.info", List.of(io.micrometer.core.instrument.Tag.of("model",
                    loaded.description().model().toString())), this, m -> 1);
            state.set(State.READY);
            Log.infof("Model %s is ready (%d inference worker(s))", loaded.description().model(), engine.workers());
        } catch (Throwable e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            // health and 503 answers get a clean reason; the class, paths and stack trace go to the log below
            failure = CleanReason.of(cause);
            state.set(State.FAILED);
            metrics.counter("tth.sentiment.model.load.failures").increment();
            Log.errorf(cause, "MODEL FAILED TO LOAD - sentiment-service will not score anything: %s",
                    cause.getMessage());
        } finally {
            settled.countDown();
        }
        return state.get();
    }

    private InferenceEngine newEngine(LoadedModel loaded) {
        SentimentConfig.Engine settings = config.engine();
        int workers = settings.workers() > 0 ? settings.workers()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / config.model().intraOpThreads());
        Timer passTime = Timer.builder("tth.sentiment.pass.latency").publishPercentiles(0.5, 0.95, 0.99)
                .description("time of one forward pass").register(metrics);
        DistributionSummary passTexts = DistributionSummary.builder("tth.sentiment.pass.size")
                .description("texts per forward pass").register(metrics);
        DistributionSummary passTokens = DistributionSummary.builder("tth.sentiment.pass.padded.tokens")
                .description("padded tokens per forward pass").register(metrics);
        return new InferenceEngine(loaded, workers, config.model().batchSize(), settings.maxTokens(),
                settings.maxPadding(), settings.expressTexts(), settings.passOverheadTokens(), settings.maxWait(), (texts, tokens, nanos) -> {
                    passTime.record(nanos, TimeUnit.NANOSECONDS);
                    passTexts.record(texts);
                    passTokens.record(tokens);
                });
    }

    /** Waits until the model is READY or FAILED (or the timeout passes: then still LOADING). */
    public State awaitSettled(Duration timeout) throws InterruptedException {
        settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        requireReady();
        return model.description().model();
    }

    /** Inference workers of the loaded model's engine; 0 before it is READY. */
    public int workers() {
        InferenceEngine current = engine;
        return current == null ? 0 : current.workers();
    }

    /** Passes the engine has run (for tests and diagnostics); only valid when READY. */
    public long passesRun() {
        return requireReady().passesRun();
    }

    /** Scores texts in input order through the shared engine; throws {@link ModelUnavailableException} unless READY. */
    public List<Sentiment> score(List<String> texts) throws Exception {
        InferenceEngine ready = requireReady();
        long start = System.nanoTime();
        List<Sentiment> result;
        try {
            result = ready.submit(texts).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        batchSizes.record(texts.size());
        items.increment(texts.size());
        return result;
    }

    private InferenceEngine requireReady() {
        InferenceEngine current = engine;
        if (state.get() != State.READY || current == null) {
            throw new ModelUnavailableException(state.get() == State.FAILED
                    ? "model failed to load: " + failure : "model is still loading");
        }
        return current;
    }

    void close(@Observes ShutdownEvent event) {
        if (engine != null) {
            engine.close();
        }
        if (model != null) {
            model.close();
        }
    }
}

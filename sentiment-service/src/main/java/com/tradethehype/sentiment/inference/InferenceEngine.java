package com.tradethehype.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.inference.Predictor;
import com.tradethehype.contracts.Sentiment;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place a process runs its model (dynamic batching, as in Triton, TorchServe or DJL Serving): every caller,
 * queue batches and {@code POST /score} alike, submits texts; a few workers, each with its own predictor, form
 * passes from all waiting texts ({@link PassPlanner}), run them and complete each caller's result. A worker that
 * finds less than a full pass waits at most {@code maxWait} from the oldest text's arrival for more. Concurrent
 * callers therefore share passes instead of running competing passes that fight for the same cores. While at most
 * {@link #SPLIT_PASSES_PER_WORKER} full passes per worker wait, a worker cuts all of it at once into passes of
 * similar lengths ({@link PassPlanner#split}: at least one per idle worker and itself, costliest first, cut so that
 * the workers end together; a pass costs its padded tokens plus {@code passOverheadTokens}), and workers take the
 * cut passes before newer callers' texts: a lone 32-text request uses every core and its short headlines are not
 * padded to its longest. With more waiting, a
 * worker takes one pass at a time, fairness first ({@link PassPlanner#plan}), and a pass of 8 or more texts holds at
 * most {@code maxPadding} padded tokens per real token. With one libtorch thread per worker no pass waits at an
 * OpenMP barrier for a thread the OS gave to another process. Requests of at most {@code expressTexts} texts run in
 * short passes of their own while bigger ones (or cut passes) wait, so a one-text request under load waits for a
 * running pass and then a pass of one text, not a full one; express passes give way once they have run a full
 * pass's worth of texts since the last normal pass.
 */
public final class InferenceEngine implements AutoCloseable {

    /** Told about every pass that ran. */
    public interface PassObserver {
        void passDone(int texts, int paddedTokens, long nanos);
    }

    /** sentiment.engine.pass-overhead-tokens's default: the shipped model's fixed cost per pass near headline widths. */
    public static final int DEFAULT_PASS_OVERHEAD_TOKENS = 32;

    /**
     * Up to this many full passes per worker waiting, a worker cuts all of it into passes of similar lengths at once;
     * beyond, it takes one pass at a time by the fairness-first rule (a cut plan is run before newer callers'
     * texts, so it stays a few passes long).
     */
    static final int SPLIT_PASSES_PER_WORKER = 2;

    private final LoadedModel model;
    private final int maxBatch;
    private final int maxTokens;
    private final double maxPadding;
    private final int expressTexts;
    private final int passOverheadTokens;
    private final long maxWaitNanos;
    private final PassObserver observer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<ScoringJob> waiting = new ArrayList<>();
    private final Deque<List<PassPlanner.Item>> planned = new ArrayDeque<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong passes = new AtomicLong();
    private int pendingTexts;
    private int idleWorkers;
    private int expressSinceFull;
    private boolean running = true;

    public InferenceEngine(LoadedModel model, int workerCount, int maxBatch, int maxTokens, Duration maxWait,
                           PassObserver observer) {
        this(model, workerCount, maxBatch, maxTokens, Double.POSITIVE_INFINITY, 0, DEFAULT_PASS_OVERHEAD_TOKENS,
                maxWait, observer);
    }

    /**
     * @param maxPadding   padded tokens allowed per real token in a pass of 8 texts or more (longer texts wait for a
     *                     pass of their own); infinity = fill to {@code maxBatch} whatever the lengths
     * @param expressTexts requests of at most this many texts run in short passes of their own while bigger ones
     *                     wait (0 = off)
     * @param passOverheadTokens what one pass costs beyond its padded tokens, in padded tokens (cutting a request
     *                     into more passes pays this each time)
     */
    public InferenceEngine(LoadedModel model, int workerCount, int maxBatch, int maxTokens, double maxPadding,
                           int expressTexts, int passOverheadTokens, Duration maxWait, PassObserver observer) {
        if (workerCount < 1 || maxBatch < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("workers, max batch and max tokens must be >= 1");
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxTokens = maxTokens;
        this.maxPadding = maxPadding;
        this.expressTexts = expressTexts;
        this.passOverheadTokens = passOverheadTokens;
        this.maxWaitNanos = maxWait.toNanos();
        this.observer = observer;
        for (int i = 0; i < workerCount; i++) {
            Predictor<Encoding[], float[][]> predictor = model.newPredictor();
            Thread worker = new Thread(() -> work(predictor), "inference-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    public int workers() {
        return workers.size();
    }

    /** Workers waiting for texts right now (tests wait for this instead of sleeping). */
    int idleWorkers() {
        lock.lock();
        try {
            return idleWorkers;
        } finally {
            lock.unlock();
        }
    }

    /** Forward passes run so far (failed ones included). */
    public long passesRun() {
        return passes.get();
    }

    /** Queues the texts (tokenised here, on the caller's thread); the future completes with results in input order. */
    public CompletableFuture<List<Sentiment>> submit(List<String> texts) {
        if (texts.isEmpty()) {
            return CompletableFuture.completedFuture(new ArrayList<>());
        }
        ScoringJob job = new ScoringJob(model.encode(texts), System.nanoTime());
        lock.lock();
        try {
            if (!running) {
                throw new ModelUnavailableException("the inference engine is shut down");
            }
            waiting.add(job);
            pendingTexts += job.size();
            work.signal();
        } finally {
            lock.unlock();
        }
        return job.future();
    }

    private void work(Predictor<Encoding[], float[][]> predictor) {
        try (predictor) {
            for (List<PassPlanner.Item> pass = nextPass(); pass != null; pass = nextPass()) {
                run(predictor, pass);
            }
        }
    }

    /** Blocks until a pass is due (full, or the oldest text has waited maxWait); null once closed. */
    private List<PassPlanner.Item> nextPass() {
        lock.lock();
        try {
            while (running) {
                if (pendingTexts == 0 && planned.isEmpty()) {
                    idle(() -> work.await());
                    continue;
                }
                List<ScoringJob> express = pendingTexts > 0 ? express() : List.of();
                if (!express.isEmpty()) {
                    List<PassPlanner.Item> pass = PassPlanner.plan(express, maxBatch, maxTokens, maxPadding);
                    expressSinceFull += pass.size();
                    return take(pass);
                }
                if (!planned.isEmpty()) {
                    expressSinceFull = 0;
                    return handOut(planned.poll());
                }
                long waited = System.nanoTime() - waiting.get(0).arrivalNanos;
                if (pendingTexts >= maxBatch || waited >= maxWaitNanos) {
                    expressSinceFull = 0;
                    if (pendingTexts > SPLIT_PASSES_PER_WORKER * workers.size() * maxBatch) {
                        return take(PassPlanner.plan(waiting, maxBatch, maxTokens, maxPadding));
                    }
                    // everything waiting, cut into passes of similar lengths for this worker and the idle ones
                    List<List<PassPlanner.Item>> passes = PassPlanner.split(waiting, idleWorkers + 1, maxBatch,
                            maxTokens, model.lengthMultiple(), passOverheadTokens);
                    for (List<PassPlanner.Item> other : passes.subList(1, passes.size())) {
                        planned.add(other);
                        taken(other);
                    }
                    return take(passes.get(0));
                }
                idle(() -> work.awaitNanos(maxWaitNanos - waited));
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Counts the pass's texts as taken, forgets callers with nothing left to take and hands the pass out. */
    private List<PassPlanner.Item> take(List<PassPlanner.Item> pass) {
        taken(pass);
        waiting.removeIf(job -> job.untaken == 0);
        return handOut(pass);
    }

    /** Counts a pass's texts as no longer waiting (lock held). */
    private void taken(List<PassPlanner.Item> pass) {
        pendingTexts -= pass.size();
    }

    /** Returns the pass to run, first waking another worker if more work is left (lock held). */
    private List<PassPlanner.Item> handOut(List<PassPlanner.Item> pass) {
        if (pendingTexts > 0 || !planned.isEmpty()) {
            work.signal(); // an idle worker can take or form the next pass meanwhile
        }
        return pass;
    }

    /**
     * The small requests (at most {@code expressTexts} texts) to run in a short pass of their own, oldest first, or
     * none: when nothing bigger waits, neither a caller nor a cut pass (then a normal pass is the same), or once express passes have run a full
     * pass's worth of texts since the last normal one (a stream of small requests never starves a big one).
     */
    private List<ScoringJob> express() {
        if (expressTexts == 0 || expressSinceFull >= maxBatch) {
            return List.of();
        }
        List<ScoringJob> small = new ArrayList<>();
        boolean bigger = !planned.isEmpty(); // passes cut from bigger callers wait too
        for (ScoringJob job : waiting) {
            if (job.size() <= expressTexts) {
                small.add(job);
            } else {
                bigger = true;
            }
        }
        return bigger ? small : List.of();
    }

    private interface Wait {
        void await() throws InterruptedException;
    }

    /** Waits on the condition (lock held) counted as an idle worker. */
    private void idle(Wait wait) throws InterruptedException {
        idleWorkers++;
        try {
            wait.await();
        } finally {
            idleWorkers--;
        }
    }

    private void run(Predictor<Encoding[], float[][]> predictor, List<PassPlanner.Item> pass) {
        Encoding[] batch = new Encoding[pass.size()];
        int width = 0;
        for (int i = 0; i < batch.length; i++) {
            batch[i] = pass.get(i).job().encoding(pass.get(i).index());
            width = Math.max(width, batch[i].getIds().length);
        }
        long start = System.nanoTime();
        try {
            float[][] probabilities = predictor.predict(batch);
            passes.incrementAndGet(); // counted before any caller completes
            observer.passDone(batch.length, width * batch.length, System.nanoTime() - start);
            for (int i = 0; i < batch.length; i++) {
                pass.get(i).job().complete(pass.get(i).index(), model.toSentiment(probabilities[i]));
            }
        } catch (Throwable e) {
            passes.incrementAndGet();
            Log.errorf(e, "A forward pass of %d texts failed; failing its callers", batch.length);
            Set<ScoringJob> jobs = new LinkedHashSet<>();
            pass.forEach(item -> jobs.add(item.job()));
            drop(jobs);
            jobs.forEach(job -> job.fail(e));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** Removes the rest of failed callers' texts from the waiting set. */
    private void drop(Set<ScoringJob> jobs) {
        lock.lock();
        try {
            for (ScoringJob job : jobs) {
                if (waiting.remove(job)) {
                    pendingTexts -= job.untaken;
                    job.untaken = 0;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops the workers once their current pass is done; callers still waiting get {@link ModelUnavailableException}. */
    @Override
    public void close() {
        List<ScoringJob> abandoned;
        lock.lock();
        try {
            running = false;
            Set<ScoringJob> jobs = new LinkedHashSet<>(waiting);
            planned.forEach(pass -> pass.forEach(item -> jobs.add(item.job())));
            abandoned = new ArrayList<>(jobs);
            waiting.clear();
            planned.clear();
            pendingTexts = 0;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        abandoned.forEach(job -> job.fail(new ModelUnavailableException("the inference engine is shut down")));
        for (Thread worker : workers) {
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

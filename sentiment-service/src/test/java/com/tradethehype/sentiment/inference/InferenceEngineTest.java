package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.Sentiment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared engine on the real tiny model: batching is invisible in results, shared between callers, and fair. */
class InferenceEngineTest {

    static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        model = new ModelLoader(ModelOptions.of("src/test/resources/models/tiny-bert"), new ObjectMapper()).load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static List<String> texts(int count, String prefix) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(prefix + " " + i + " shares " + "rise strongly after the results ".repeat(1 + i % 7));
        }
        return texts;
    }

    @Test
    void concurrentCallersGetWhatEachTextScoresAlone() throws Exception {
        try (var engine = new InferenceEngine(model, 2, 8, 256, Duration.ofMillis(5), (t, p, n) -> { })) {
            ExecutorService callers = Executors.newFixedThreadPool(5);
            List<List<String>> requests = new ArrayList<>();
            List<Future<List<Sentiment>>> answers = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                List<String> request = texts(3 + 4 * c, "Caller " + c);
                requests.add(request);
                answers.add(callers.submit(() -> engine.submit(request).get()));
            }
            for (int c = 0; c < 5; c++) {
                List<Sentiment> got = answers.get(c).get(60, TimeUnit.SECONDS);
                assertEquals(requests.get(c).size(), got.size());
                for (int i = 0; i < got.size(); i++) {
                    Sentiment alone = model.score(List.of(requests.get(c).get(i))).get(0);
                    assertEquals(alone.positive(), got.get(i).positive(), 1e-5, requests.get(c).get(i));
                    assertEquals(alone.negative(), got.get(i).negative(), 1e-5, requests.get(c).get(i));
                    assertEquals(alone.neutral(), got.get(i).neutral(), 1e-5, requests.get(c).get(i));
                }
            }
            callers.shutdown();
        }
    }

    @Test
    void concurrentOneTextCallersAreBatchedIntoOnePass() throws Exception {
        // a long max wait: only a full pass (8 texts) may start early, so one pass proves they were batched together
        try (var engine = new InferenceEngine(model, 1, 8, 1024, Duration.ofSeconds(20), (t, p, n) -> { })) {
            ExecutorService callers = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Sentiment>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = "Ticker " + i + " shares rise"; // one length: no cut of them saves padding
                answers.add(callers.submit(() -> {
                    go.await();
                    return engine.submit(List.of(text)).get();
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (var answer : answers) {
                assertEquals(1, answer.get(15, TimeUnit.SECONDS).size());
            }
            assertEquals(1, engine.passesRun());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "a full pass does not wait");
            callers.shutdown();
        }
    }

    @Test
    void aOneTextRequestIsNotStarvedByABigBatchQueuedBeforeIt() throws Exception {
        long served = oneTextUnderLoad(4, 400, 0).servedIn();
        assertTrue(served <= 2, "sent during pass 1 of the big batch's 100, served in pass " + served);
    }

    /**
     * Pass sizes, and the pass that served a one-text request sent during the big batch's first pass. The request
     * is sent, and the serving pass read, on the worker thread itself (from the observer), so a slow test thread
     * cannot make passes seem to have gone by.
     */
    record OneTextUnderLoad(List<Integer> passSizes, long servedIn) {
    }

    static OneTextUnderLoad oneTextUnderLoad(int maxBatch, int bigTexts, int expressTexts) throws Exception {
        var engineRef = new java.util.concurrent.atomic.AtomicReference<InferenceEngine>();
        var servedIn = new CompletableFuture<CompletableFuture<Long>>();
        List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var engine = new InferenceEngine(model, 1, maxBatch, 4096, Double.POSITIVE_INFINITY, expressTexts,
                InferenceEngine.DEFAULT_PASS_OVERHEAD_TOKENS, Duration.ZERO, (t, p, n) -> {
            sizes.add(t);
            if (!servedIn.isDone()) {
                InferenceEngine self = engineRef.get();
                servedIn.complete(self.submit(List.of("Ford shares fall after recall"))
                        .thenApply(sentiments -> self.passesRun()));
            }
        })) {
            engineRef.set(engine);
            CompletableFuture<List<Sentiment>> big = engine.submit(texts(bigTexts, "Bulk"));
            long served = servedIn.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
            assertEquals(bigTexts, big.get(120, TimeUnit.SECONDS).size());
            return new OneTextUnderLoad(List.copyOf(sizes), served);
        }
    }

    @Test
    void underLoadAOneTextRequestRunsInAShortPassOfItsOwn() throws Exception {
        OneTextUnderLoad express = oneTextUnderLoad(32, 320, 4);
        assertEquals(2, express.servedIn(), "served in the pass after the running one");
        assertEquals(1, express.passSizes().get(1), "a pass of its own: " + express.passSizes());
        OneTextUnderLoad off = oneTextUnderLoad(32, 320, 0);
        assertEquals(2, off.servedIn());
        assertEquals(32, off.passSizes().get(1), "without express passes it waits for a full pass");
        // 64 texts are cut into passes of similar lengths at once; a one-text request still goes before the rest
        OneTextUnderLoad cut = oneTextUnderLoad(32, 64, 4);
        assertTrue(cut.passSizes().size() > 3, "cut into passes: " + cut.passSizes());
        assertEquals(2, cut.servedIn(), "ahead of the cut passes: " + cut.passSizes());
        assertEquals(1, cut.passSizes().get(1));
    }

    @Test
    void aStreamOfSmallRequestsNeverStarvesABigOne() throws Exception {
        // every pass sends one more one-text request, so one is always waiting while the big request runs: express
        // passes alone could go on until the stream stops (after 200 passes)
        var engineRef = new java.util.concurrent.atomic.AtomicReference<InferenceEngine>();
        List<CompletableFuture<List<Sentiment>>> small = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var engine = new InferenceEngine(model, 1, 8, 4096, Double.POSITIVE_INFINITY, 1, 32, Duration.ZERO,
                (t, p, n) -> {
                    if (small.size() < 200) {
                        small.add(engineRef.get().submit(List.of("Shares rise " + small.size())));
                    }
                })) {
            engineRef.set(engine);
            CompletableFuture<Long> bigDoneIn = engine.submit(texts(40, "Bulk")).thenApply(r -> engine.passesRun());
            long passes = bigDoneIn.get(120, TimeUnit.SECONDS);
            assertTrue(passes < 100, "the big request finished in pass " + passes + " while the stream ran");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (small.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(10); // the stream ends by itself; the engine closes after it
            }
            assertEquals(200, small.size());
            for (var answer : List.copyOf(small)) {
                assertEquals(1, answer.get(60, TimeUnit.SECONDS).size());
            }
        }
    }

    @Test
    void passesStayWithinTheTokenBudget() throws Exception {
        List<Integer> padded = new ArrayList<>();
        try (var engine = new InferenceEngine(model, 1, 32, 200, Duration.ZERO,
                (texts, tokens, nanos) -> padded.add(tokens))) {
            assertEquals(60, engine.submit(texts(60, "Budget")).get(60, TimeUnit.SECONDS).size());
        }
        assertFalse(padded.isEmpty());
        padded.forEach(tokens -> assertTrue(tokens <= 200, "padded tokens " + tokens));
    }

    @Test
    void aLoneRequestIsCutIntoPassesOfSimilarLengthsThatTheIdleWorkersShare() throws Exception {
        record Pass(String worker, int texts, int padded) {}
        List<Pass> passes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> lone = texts(32, "Lone");
        try (var engine = new InferenceEngine(model, 2, 32, 4096, Double.POSITIVE_INFINITY, 0, 32,
                Duration.ofSeconds(20), (texts, tokens, nanos) ->
                        passes.add(new Pass(Thread.currentThread().getName(), texts, tokens)))) {
            engine.submit(texts(32, "Warm-up")).get(60, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (engine.idleWorkers() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10); // until both workers are back in their wait
            }
            passes.clear();
            List<Sentiment> got = engine.submit(lone).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < got.size(); i += 5) {
                assertEquals(model.score(List.of(lone.get(i))).get(0).positive(), got.get(i).positive(), 1e-5);
            }
        }
        assertEquals(32, passes.stream().mapToInt(Pass::texts).sum());
        assertTrue(passes.size() > 2, passes.size() + " passes: more than one per worker, each of similar lengths");
        int real = java.util.Arrays.stream(model.encode(lone)).mapToInt(e -> e.getIds().length).sum();
        int padded = passes.stream().mapToInt(Pass::padded).sum();
        assertTrue(padded < 1.15 * real, "padded tokens " + padded + " for " + real + " real: " + passes);

        int alone = 32 * java.util.Arrays.stream(model.encode(lone)).mapToInt(e -> e.getIds().length).max().orElseThrow();
        // each pass a small part of the one pass of 32 padded to the longest, so two workers can share them evenly
        // (which worker runs which is timing: here the passes take well under a millisecond)
        passes.forEach(p -> assertTrue(p.padded() + 32 < 0.3 * alone, p + " against " + alone + " in one pass"));
        assertTrue(padded + 32 * passes.size() < 0.8 * alone, padded + " + fixed costs against " + alone);
    }

    @Test
    void shortAndLongTextsOfOneRequestRunInSeparatePassesInsteadOfPaddingEveryTextToTheLongest() throws Exception {
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            mixed.add("Shares rise " + i);
            mixed.add("Company " + i + " reports " + "strong quarterly revenue growth and raises guidance ".repeat(4));
        }
        List<int[]> passes = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var engine = new InferenceEngine(model, 1, 32, 4096, 1.5, 0, 32, Duration.ofSeconds(20),
                (texts, tokens, nanos) -> passes.add(new int[] {texts, tokens}))) {
            List<Sentiment> got = engine.submit(mixed).get(60, TimeUnit.SECONDS);
            assertEquals(32, got.size());
            for (int i = 0; i < got.size(); i++) {
                Sentiment alone = model.score(List.of(mixed.get(i))).get(0);
                assertEquals(alone.positive(), got.get(i).positive(), 1e-5, mixed.get(i));
            }
        }
        assertEquals(List.of(16, 16), passes.stream().map(p -> p[0]).sorted().toList(), "short and long apart");
        int padded = passes.stream().mapToInt(p -> p[1]).sum();
        int onePass = 32 * java.util.Arrays.stream(model.encode(mixed)).mapToInt(e -> e.getIds().length).max().orElseThrow();
        assertTrue(padded * 1.5 < onePass, "padded tokens " + padded + " vs " + onePass + " in one pass of 32");
    }
}

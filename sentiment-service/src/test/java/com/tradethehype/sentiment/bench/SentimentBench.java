package com.tradethehype.sentiment.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tradethehype.contracts.Sentiment;
import com.tradethehype.sentiment.config.SentimentConfig;
import com.tradethehype.sentiment.inference.InferenceEngine;
import com.tradethehype.sentiment.inference.LoadedModel;
import com.tradethehype.sentiment.inference.ModelLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Throughput of the JVM scoring path on one model directory (run by {@code bench/sentiment-bench.sh}).
 *
 * <p>Three measurements, each after one untimed warm-up round, then {@code rounds} timed rounds over the same
 * headlines:
 * <ul>
 *   <li>{@code full}: {@link LoadedModel#score} with the whole headline list, loaded through {@link ModelLoader}
 *   with the service's defaults (batch 32, max 64 tokens, 1 predictor, 2 intra-op / 1 inter-op threads): sort by
 *   length, HF tokenizer, forward, softmax, exactly what the service does per request;</li>
 *   <li>{@code full_token_sorted}: the same, but the caller first tokenises all headlines (counted in the time) to
 *   cut the 32-text batches by token count instead of character count, then scores batch by batch;</li>
 *   <li>{@code engine}: the service's {@link InferenceEngine} in process ({@code bench.workers} workers, default 2,
 *   with {@code bench.intra-op} libtorch threads each): the headlines submitted as 32-text callers all at once, as
 *   concurrent requests or queue batches arrive, timed until the last result; with {@code bench.callers} = N > 0,
 *   N callers each submit 32 headlines and wait for them before the next 32, as N /score clients do, without HTTP;</li>
 *   <li>{@code forward}: forward passes only, on the token-id batches that {@code bench/python_bench.py prepare}
 *   wrote (the very batches the Python side times), padded per batch to its longest item; the same
 *   {@code model.pt} loaded a second time through DJL.</li>
 * </ul>
 *
 * <p>Arguments: {@code MODEL_DIR HEADLINES_TXT BATCHES_JSON RESULT_JSON [ROUNDS] [NAME]}; system property
 * {@code bench.parts} (default {@code full,token-sorted,forward}) picks the measurements; {@code bench.intra-op}
 * (default 2) sets libtorch's intra-op threads for the whole run (libtorch reads it once per process);
 * {@code bench.bf16} (auto, on, off) a model's bfloat16 mode, as {@code sentiment.model.bfloat16}.
 */
public final class SentimentBench {

    /** The service's defaults ({@link SentimentConfig.Model}) for a local model directory. */
    record Options(String location) implements SentimentConfig.Model {
        @Override public Optional<String> id() { return Optional.empty(); }
        @Override public Optional<String> version() { return Optional.empty(); }
        @Override public int maxLength() { return 64; }
        @Override public int batchSize() { return 32; }
        @Override public int intraOpThreads() { return Integer.getInteger("bench.intra-op", 2); }
        @Override public int interOpThreads() { return 1; }
        @Override public SentimentConfig.Bf16Mode bfloat16() {
            return SentimentConfig.Bf16Mode.valueOf(System.getProperty("bench.bf16", "auto").toUpperCase(Locale.ROOT));
        }
    }

    /** One padded batch: flat ids and mask, [batch, length]. */
    record Batch(long[] ids, long[] mask, int batch, int length) {}

    /** Forward only: pre-built int64 tensors in, logits out (copied to the heap so the pass has finished). */
    static final class ForwardTranslator implements NoBatchifyTranslator<Batch, float[]> {
        @Override
        public NDList processInput(TranslatorContext ctx, Batch b) {
            NDManager manager = ctx.getNDManager();
            Shape shape = new Shape(b.batch(), b.length());
            return new NDList(manager.create(b.ids(), shape), manager.create(b.mask(), shape));
        }

        @Override
        public float[] processOutput(TranslatorContext ctx, NDList output) {
            return output.get(0).toFloatArray();
        }
    }

    interface Round {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: SentimentBench MODEL_DIR HEADLINES_TXT BATCHES_JSON RESULT_JSON [ROUNDS] [NAME]");
            System.exit(2);
        }
        Path modelDir = Path.of(args[0]);
        List<String> headlines = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Batch> batches = readBatches(json.readTree(Path.of(args[2]).toFile()));
        Path result = Path.of(args[3]);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        String name = args.length > 5 ? args[5] : modelDir.getFileName().toString();
        List<String> parts = List.of(System.getProperty("bench.parts", "full,token-sorted,forward").split(","));
        Options options = new Options(modelDir.toString());
        // what ModelLoader sets before the engine starts; here too for a forward-only run
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(options.intraOpThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(options.interOpThreads()));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", name);
        report.put("model_dir", modelDir.toString());
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        report.put("headlines", headlines.size());

        if (parts.contains("full") || parts.contains("token-sorted")) {
            long t0 = System.nanoTime();
            try (LoadedModel model = new ModelLoader(options, new ObjectMapper()).load()) {
                report.put("load_s", round2((System.nanoTime() - t0) / 1e9));
                if (parts.contains("full")) {
                    Round full = () -> {
                        List<Sentiment> scored = model.score(headlines);
                        if (scored.size() != headlines.size()) {
                            throw new IllegalStateException(scored.size() + " results for " + headlines.size());
                        }
                    };
                    full.run(); // warm-up
                    report.put("full", measure(name + " full", headlines.size(), rounds, full));
                }
                if (parts.contains("token-sorted")) {
                    report.put("full_token_sorted", measureTokenSorted(name, modelDir, headlines, rounds, model));
                }
            }
        }

        if (parts.contains("engine")) {
            int workers = Integer.getInteger("bench.workers", 2);
            try (LoadedModel model = new ModelLoader(options, new ObjectMapper()).load();
                 InferenceEngine engine = new InferenceEngine(model, workers, 32, 2048,
                         Double.parseDouble(System.getProperty("bench.max-padding", "1.5")), 4,
                         InferenceEngine.DEFAULT_PASS_OVERHEAD_TOKENS, Duration.ofMillis(2),
                         (texts, tokens, nanos) -> { })) {
                int callers = Integer.getInteger("bench.callers", 0);
                Round all = callers > 0 ? () -> closedLoop(engine, headlines, callers) : () -> {
                    List<CompletableFuture<List<Sentiment>>> calls = new ArrayList<>();
                    for (int from = 0; from < headlines.size(); from += 32) {
                        calls.add(engine.submit(headlines.subList(from, Math.min(headlines.size(), from + 32))));
                    }
                    int scored = 0;
                    for (var call : calls) {
                        scored += call.get().size();
                    }
                    if (scored != headlines.size()) {
                        throw new IllegalStateException(scored + " results for " + headlines.size());
                    }
                };
                all.run(); // warm-up
                Map<String, Object> m = measure(name + " engine x" + workers, headlines.size(), rounds, all);
                m.put("workers", workers);
                m.put("callers", callers);
                report.put("engine", m);
            }
        }

        if (parts.contains("shapes")) {
            try (LoadedModel model = new ModelLoader(options, new ObjectMapper()).load()) {
                report.put("shapes", measureShapes(model, headlines));
            }
        }

        if (parts.contains("forward")) {
            report.put("forward", measureForward(name, modelDir, batches, rounds));
        }
        report.put("intra_op_threads", JniUtils.getNumThreads());
        report.put("inter_op_threads", JniUtils.getNumInteropThreads());
        report.put("process_peak_rss_mb", peakRssMb());
        json.writeValue(result.toFile(), report);
    }

    /**
     * The service path with batches cut by token count instead of character count: the caller tokenises once more
     * to sort (counted in the time), then scores each 32-text batch (LoadedModel tokenises again).
     */
    private static Map<String, Object> measureTokenSorted(String name, Path modelDir, List<String> headlines,
                                                          int rounds, LoadedModel model) throws Exception {
        try (HuggingFaceTokenizer counter = HuggingFaceTokenizer.newInstance(modelDir.resolve("tokenizer.json"),
                Map.of("maxLength", "64", "truncation", "true", "padding", "false", "addSpecialTokens", "true"))) {
            Round tokenSorted = () -> {
                Encoding[] encodings = counter.batchEncode(headlines);
                Integer[] order = new Integer[headlines.size()];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
                for (int from = 0; from < order.length; from += 32) {
                    List<String> chunk = new ArrayList<>();
                    for (int i = from; i < Math.min(order.length, from + 32); i++) {
                        chunk.add(headlines.get(order[i]));
                    }
                    model.score(chunk);
                }
            };
            tokenSorted.run(); // warm-up
            return measure(name + " full, token-sorted", headlines.size(), rounds, tokenSorted);
        }
    }

    /**
     * What one pass costs by shape, on one predictor (the engine's worker: run with {@code bench.intra-op=1}): for
     * each width (8 to 64 tokens) and each pass size (1 to 32 texts), real headlines of that token length range
     * (width - 7 to width) through the service's predictor, the median of 15 timed passes after 3 untimed ones. A
     * line through the medians per width gives the fixed cost of a pass and the cost per padded token, the two
     * numbers the engine's pass planner weighs.
     */
    private static List<Map<String, Object>> measureShapes(LoadedModel model, List<String> headlines)
            throws Exception {
        Encoding[] all = model.encode(headlines);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Predictor<Encoding[], float[][]> predictor = model.newPredictor()) {
            for (int width = 16; width <= 64; width += 16) {
                List<Encoding> pool = new ArrayList<>();
                for (Encoding e : all) {
                    int length = e.getIds().length;
                    if (length > width - 8 && length <= width) {
                        pool.add(e);
                    }
                }
                for (int texts : new int[] {1, 2, 4, 8, 12, 16, 24, 32}) {
                    if (pool.isEmpty()) {
                        break;
                    }
                    Encoding[] pass = new Encoding[texts];
                    for (int i = 0; i < texts; i++) {
                        pass[i] = pool.get(i % pool.size());
                    }
                    long[] nanos = new long[15];
                    for (int r = -3; r < nanos.length; r++) {
                        long start = System.nanoTime();
                        predictor.predict(pass);
                        if (r >= 0) {
                            nanos[r] = System.nanoTime() - start;
                        }
                    }
                    Arrays.sort(nanos);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("width", width);
                    row.put("texts", texts);
                    row.put("median_ms", round2(nanos[nanos.length / 2] / 1e6));
                    row.put("us_per_padded_token", round2(nanos[nanos.length / 2] / 1e3 / (texts * width)));
                    rows.add(row);
                    System.out.printf(Locale.ROOT, "shape %2d x %2d: %.2f ms%n", texts, width,
                            nanos[nanos.length / 2] / 1e6);
                }
            }
        }
        return rows;
    }

    /** Forward passes only, on the pre-built id batches, through a second DJL load of the same model.pt. */
    private static Map<String, Object> measureForward(String name, Path modelDir, List<Batch> batches, int rounds)
            throws Exception {
        Criteria<Batch, float[]> criteria = Criteria.builder()
                .setTypes(Batch.class, float[].class)
                .optModelPath(modelDir.toAbsolutePath())
                .optModelName("model")
                .optEngine("PyTorch")
                .optTranslator(new ForwardTranslator())
                .build();
        int items = batches.stream().mapToInt(Batch::batch).sum();
        try (ZooModel<Batch, float[]> model = criteria.loadModel();
             Predictor<Batch, float[]> predictor = model.newPredictor()) {
            Round round = () -> {
                for (Batch b : batches) {
                    predictor.predict(b);
                }
            };
            round.run(); // warm-up
            return measure(name + " forward", items, rounds, round);
        }
    }

    /**
     * {@code bench.callers} > 0: that many callers each submit 32 headlines and wait for them before taking the next
     * 32, as that many /score clients do, without HTTP (0: every 32 at once, the engine's best case).
     */
    private static void closedLoop(InferenceEngine engine, List<String> headlines, int callers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger scored = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                try {
                    for (int from = next.getAndAdd(32); from < headlines.size(); from = next.getAndAdd(32)) {
                        scored.addAndGet(engine.submit(headlines.subList(from, Math.min(headlines.size(), from + 32)))
                                .get().size());
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (scored.get() != headlines.size()) {
            throw new IllegalStateException(scored.get() + " results for " + headlines.size());
        }
    }

    private static Map<String, Object> measure(String label, int headlines, int rounds, Round round)
            throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] rates = new double[rounds];
        double[] busy = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            round.run();
            long wall = System.nanoTime() - start;
            rates[r] = headlines / (wall / 1e9);
            busy[r] = (os.getProcessCpuTime() - cpu) / (double) wall;
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double[] sortedBusy = busy.clone();
        Arrays.sort(sortedBusy);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rounds", rounds);
        m.put("median", round1(median(sorted)));
        m.put("min", round1(sorted[0]));
        m.put("max", round1(sorted[sorted.length - 1]));
        m.put("cpu_cores_busy", round2(median(sortedBusy)));
        System.out.printf("%-28s %6.1f headlines/s (min %.1f, max %.1f; %d rounds; %.2f cores busy)%n", label,
                median(sorted), sorted[0], sorted[sorted.length - 1], rounds, median(sortedBusy));
        return m;
    }

    private static List<Batch> readBatches(JsonNode root) {
        List<Batch> batches = new ArrayList<>();
        for (JsonNode batch : root.get("batches")) {
            int length = 0;
            for (JsonNode seq : batch) {
                length = Math.max(length, seq.size());
            }
            int n = batch.size();
            long[] ids = new long[n * length];
            long[] mask = new long[n * length];
            for (int i = 0; i < n; i++) {
                JsonNode seq = batch.get(i);
                for (int j = 0; j < seq.size(); j++) {
                    ids[i * length + j] = seq.get(j).asLong();
                    mask[i * length + j] = 1;
                }
            }
            batches.add(new Batch(ids, mask, n, length));
        }
        return batches;
    }

    private static long peakRssMb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}

package com.tradethehype.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ModelRef;
import com.tradethehype.sentiment.config.SentimentConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads the configured model, from a local directory ({@code model.pt} TorchScript, {@code tokenizer.json},
 * {@code config.json}) or a {@code djl://} zoo URL, through DJL's PyTorch engine. Never substitutes another
 * model: a model that cannot load is an error for the caller to report.
 */
@ApplicationScoped
public class ModelLoader {

    private final SentimentConfig.Model config;
    private final ObjectMapper json;

    @jakarta.inject.Inject
    public ModelLoader(SentimentConfig config, ObjectMapper json) {
        this(config.model(), json);
    }

    /** For tools and tests that load a model without the rest of the service. */
    public ModelLoader(SentimentConfig.Model config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public LoadedModel load() throws Exception {
        String location = config.location();
        // libtorch reads its thread counts once, when the engine starts
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.intraOpThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(config.interOpThreads()));
        if (location.startsWith("djl://")) {
            return loadFromZoo(location);
        }
        Path dir = Path.of(location).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("model directory " + dir + " does not exist");
        }
        return loadDirectory(dir, dir.getFileName().toString());
    }

    private LoadedModel loadDirectory(Path dir, String fallbackId) throws Exception {
        ModelDescription description = override(ModelDescription.read(dir, fallbackId, json));
        HuggingFaceTokenizer tokenizer = tokenizer(dir);
        SentimentTranslator translator = new SentimentTranslator();
        Criteria<Encoding[], float[][]> criteria = Criteria.builder()
                .setTypes(Encoding[].class, float[][].class)
                .optModelPath(dir)
                .optModelName(torchScriptName(dir))
                .optEngine("PyTorch")
                .optTranslator(translator)
                .build();
        ZooModel<Encoding[], float[][]> model = criteria.loadModel();
        Log.infof("Loaded model %s from %s", description.model(), dir);
        int lengthMultiple = 1;
        try {
            if (Bf16.apply(model, description, config.bfloat16())) {
                lengthMultiple = Bf16.LENGTH_MULTIPLE;
                translator.padLengthsTo(lengthMultiple);
            }
        } catch (RuntimeException e) {
            model.close();
            throw new IllegalStateException("could not set the bfloat16 mode of " + description.model() + ": "
                    + e.getMessage(), e);
        }
        if (description.model().version().startsWith(ModelRevision.PREFIX)) {
            Log.infof("%s names no tth_model_version: its scores carry the revision hash of its files", dir);
        }
        return new LoadedModel(model, tokenizer, description, config.batchSize(), lengthMultiple);
    }

    /**
     * A zoo model from DJL's cache when it is there (DJL itself would contact the zoo even when offline), else
     * downloaded into that cache; a failed download says where the cache is and what to do instead.
     */
    private LoadedModel loadFromZoo(String url) throws Exception {
        String name = url.substring(url.indexOf('/', "djl://".length()) + 1);
        Path cacheRoot = ai.djl.util.Utils.getCacheDir().resolve("cache/repo/model");
        java.util.Optional<Path> cached = findCached(cacheRoot, name);
        if (cached.isPresent()) {
            Log.infof("Using %s from DJL's cache at %s", name, cached.get());
            return loadDirectory(cached.get(), name);
        }
        Criteria<Encoding[], float[][]> probe = Criteria.builder()
                .setTypes(Encoding[].class, float[][].class)
                .optModelUrls(url)
                .optEngine("PyTorch")
                .optTranslator(new SentimentTranslator())
                .build();
        Path dir;
        try (ZooModel<Encoding[], float[][]> downloaded = probe.loadModel()) {
            dir = downloaded.getModelPath();
        } catch (Exception e) {
            throw new IllegalStateException(name + " is not in DJL's cache (" + cacheRoot + ") and downloading " + url
                    + " failed (" + e + "). Offline, point sentiment.model.location at a model directory: "
                    + "tools/model/convert_hf_finbert.py builds one from HuggingFace weights, and "
                    + "models/tth-finbert-mini is shipped", e);
        }
        return loadDirectory(dir, name);
    }

    /** The cached copy of zoo model {@code name} (e.g. ProsusAI/finbert): a folder holding a .pt and tokenizer.json. */
    static java.util.Optional<Path> findCached(Path cacheRoot, String name) throws java.io.IOException {
        if (!Files.isDirectory(cacheRoot)) {
            return java.util.Optional.empty();
        }
        try (var paths = Files.walk(cacheRoot, 12)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".pt"))
                    .map(Path::getParent)
                    .filter(dir -> dir.toString().replace('\\', '/').contains("/" + name + "/")
                            || dir.toString().replace('\\', '/').endsWith("/" + name))
                    .filter(dir -> Files.isRegularFile(dir.resolve("tokenizer.json")))
                    .sorted()
                    .findFirst();
        }
    }

    /** {@code model} for our layout; a zoo download names its single TorchScript file after the model. */
    private static String torchScriptName(Path dir) throws java.io.IOException {
        String file = ModelRevision.torchScript(dir).getFileName().toString();
        return file.substring(0, file.length() - ".pt".length());
    }

    private HuggingFaceTokenizer tokenizer(Path dir) throws Exception {
        Path file = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no tokenizer.json in " + dir);
        }
        return HuggingFaceTokenizer.newInstance(file, Map.of(
                "maxLength", Integer.toString(config.maxLength()),
                "truncation", "true",
                "padding", "false",
                "addSpecialTokens", "true"));
    }

    private ModelDescription override(ModelDescription read) {
        if (config.id().isEmpty() && config.version().isEmpty()) {
            return read;
        }
        return read.withModel(new ModelRef(config.id().orElse(read.model().id()),
                config.version().orElse(read.model().version())));
    }
}

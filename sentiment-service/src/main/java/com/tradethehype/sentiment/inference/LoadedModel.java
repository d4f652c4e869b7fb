package com.tradethehype.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import com.tradethehype.contracts.Sentiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A loaded classifier: tokeniser, TorchScript module and label mapping. The service scores through one
 * {@link InferenceEngine} built on it; {@link #score} is the direct single-caller path (tools, tests and the
 * in-process benchmark): texts tokenised once (truncated, unpadded), sorted by token count and cut into passes of
 * at most {@code batchSize}, so each pass pads only to its own longest text; results in input order.
 */
public final class LoadedModel implements AutoCloseable {

    private final ZooModel<Encoding[], float[][]> model;
    private final HuggingFaceTokenizer tokenizer;
    private final ModelDescription description;
    private final int batchSize;
    private final int lengthMultiple;
    private Predictor<Encoding[], float[][]> direct;

    LoadedModel(ZooModel<Encoding[], float[][]> model, HuggingFaceTokenizer tokenizer, ModelDescription description,
                int batchSize, int lengthMultiple) {
        this.model = model;
        this.lengthMultiple = lengthMultiple;
        this.tokenizer = tokenizer;
        this.description = description;
        this.batchSize = batchSize;
    }

    public ModelDescription description() {
        return description;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Every pass's length is rounded up to a multiple of this (1: padded to its longest text). */
    public int lengthMultiple() {
        return lengthMultiple;
    }

    /** Token ids of each text, truncated to the model's limit and unpadded; thread-safe. */
    public Encoding[] encode(List<String> texts) {
        return tokenizer.batchEncode(texts.toArray(String[]::new));
    }

    /** A predictor of its own for one thread (DJL predictors are not thread-safe); the caller closes it. */
    public Predictor<Encoding[], float[][]> newPredictor() {
        return model.newPredictor();
    }

    /** Probabilities of one text mapped to labels by name. */
    public Sentiment toSentiment(float[] p) {
        return new Sentiment(clamp(p[description.positiveIndex()]), clamp(p[description.negativeIndex()]),
                clamp(p[description.neutralIndex()]));
    }

    /** Scores every text on the calling thread; an empty list gives an empty list. Not for concurrent callers. */
    public synchronized List<Sentiment> score(List<String> texts) throws TranslateException {
        if (texts.isEmpty()) {
            return new ArrayList<>();
        }
        if (direct == null) {
            direct = model.newPredictor();
        }
        Encoding[] encodings = encode(texts);
        Integer[] order = new Integer[texts.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings[i].getIds().length));
        Sentiment[] results = new Sentiment[texts.size()];
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            Encoding[] chunk = new Encoding[to - from];
            for (int i = from; i < to; i++) {
                chunk[i - from] = encodings[order[i]];
            }
            float[][] probabilities = direct.predict(chunk);
            for (int i = from; i < to; i++) {
                results[order[i]] = toSentiment(probabilities[i - from]);
            }
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    private static double clamp(float p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    @Override
    public synchronized void close() {
        if (direct != null) {
            direct.close();
        }
        model.close();
        tokenizer.close();
    }
}

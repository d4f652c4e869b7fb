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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A loaded classifier with a bounded pool of predictors (DJL predictors are not thread-safe). Scores any number
 * of texts: tokenised once (truncated, unpadded), sorted by token count and cut into forward passes of at most {@code batchSize}, so each pass pads
 * only to its own longest text (sorting by characters instead left 1.45 padded tokens per real token on tweets,
 * against 1.07, and cost a third of the throughput); results come back in input order.
 */
public final class LoadedModel implements AutoCloseable {

    private final ZooModel<Encoding[], float[][]> model;
    private final HuggingFaceTokenizer tokenizer;
    private final ModelDescription description;
    private final BlockingQueue<Predictor<Encoding[], float[][]>> predictors;
    private final int batchSize;

    LoadedModel(ZooModel<Encoding[], float[][]> model, HuggingFaceTokenizer tokenizer, ModelDescription description,
                int predictorCount, int batchSize) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.description = description;
        this.batchSize = batchSize;
        this.predictors = new ArrayBlockingQueue<>(predictorCount);
        for (int i = 0; i < predictorCount; i++) {
            predictors.add(model.newPredictor());
        }
    }

    public ModelDescription description() {
        return description;
    }

    /** Scores every text; an empty list gives an empty list. */
    public List<Sentiment> score(List<String> texts) throws TranslateException, InterruptedException {
        if (texts.isEmpty()) {
            return new ArrayList<>();
        }
        Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
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
            float[][] probabilities = forward(chunk);
            for (int i = from; i < to; i++) {
                results[order[i]] = toSentiment(probabilities[i - from]);
            }
        }
        return new ArrayList<>(Arrays.asList(results));
    }

    private float[][] forward(Encoding[] batch) throws TranslateException, InterruptedException {
        Predictor<Encoding[], float[][]> predictor = predictors.take();
        try {
            return predictor.predict(batch);
        } finally {
            predictors.add(predictor);
        }
    }

    private Sentiment toSentiment(float[] p) {
        return new Sentiment(clamp(p[description.positiveIndex()]), clamp(p[description.negativeIndex()]),
                clamp(p[description.neutralIndex()]));
    }

    private static double clamp(float p) {
        return Math.min(1.0, Math.max(0.0, p));
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}

package com.tradethehype.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Owns tokenisation and tensor shapes for a BERT sequence classifier. Shapes: in {@code input_ids} and
 * {@code attention_mask}, int64 [batch, longest-in-batch <= maxLength]; out logits float32 [batch, labels],
 * returned as softmax probabilities [batch][labels].
 */
public final class SentimentTranslator implements NoBatchifyTranslator<String[], float[][]> {

    private final HuggingFaceTokenizer tokenizer;

    public SentimentTranslator(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String[] texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int length = encodings[0].getIds().length;
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
        }
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch, length);
        return new NDList(manager.create(ids, shape), manager.create(mask, shape));
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList output) {
        NDArray probabilities = output.get(0).softmax(-1);
        long batch = probabilities.getShape().get(0);
        int labels = (int) probabilities.getShape().get(1);
        float[] flat = probabilities.toFloatArray();
        float[][] result = new float[(int) batch][labels];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(flat, i * labels, result[i], 0, labels);
        }
        return result;
    }
}

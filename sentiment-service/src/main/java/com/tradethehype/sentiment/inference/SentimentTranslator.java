package com.tradethehype.sentiment.inference;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Owns tensor shapes for a BERT sequence classifier, fed texts already tokenised (unpadded) by {@link LoadedModel}.
 * Shapes: in {@code input_ids} and {@code attention_mask}, int64 [batch, longest-in-batch], padded with id 0 and
 * mask 0; out logits float32 [batch, labels], returned as softmax probabilities [batch][labels].
 */
public final class SentimentTranslator implements NoBatchifyTranslator<Encoding[], float[][]> {

    @Override
    public NDList processInput(TranslatorContext ctx, Encoding[] encodings) {
        int batch = encodings.length;
        int length = 0;
        for (Encoding encoding : encodings) {
            length = Math.max(length, encoding.getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        for (int i = 0; i < batch; i++) {
            long[] tokens = encodings[i].getIds();
            System.arraycopy(tokens, 0, ids, i * length, tokens.length);
            java.util.Arrays.fill(mask, i * length, i * length + tokens.length, 1L);
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

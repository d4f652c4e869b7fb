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
 * mask 0; out logits float32 [batch, labels], returned as softmax probabilities [batch][labels]. With
 * {@link #padLengthsTo(int)} the length is rounded up to a multiple: oneDNN compiles and caches a bfloat16 kernel per
 * input shape, so fewer distinct lengths mean fewer compilations and a smaller cache.
 */
public final class SentimentTranslator implements NoBatchifyTranslator<Encoding[], float[][]> {

    private volatile int lengthMultiple = 1;

    /** Rounds every pass's length up to a multiple of {@code multiple} (1 = the longest text, the default). */
    void padLengthsTo(int multiple) {
        if (multiple < 1) {
            throw new IllegalArgumentException("multiple must be >= 1");
        }
        lengthMultiple = multiple;
    }

    /** {@code longest} rounded up to a multiple of {@code multiple}. */
    static int paddedLength(int longest, int multiple) {
        return (longest + multiple - 1) / multiple * multiple;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Encoding[] encodings) {
        int batch = encodings.length;
        int longest = 0;
        for (Encoding encoding : encodings) {
            longest = Math.max(longest, encoding.getIds().length);
        }
        int length = paddedLength(longest, lengthMultiple);
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

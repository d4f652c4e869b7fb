package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.repository.zoo.Criteria;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.Sentiment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rounding pass lengths up (bfloat16 mode's fewer kernel shapes) pads with masked tokens that change no answer. */
class SentimentTranslatorTest {

    static final Path MODEL = Path.of("src/test/resources/models/tiny-bert");

    @Test
    void lengthsRoundUpToTheMultiple() {
        assertEquals(8, SentimentTranslator.paddedLength(1, 8));
        assertEquals(8, SentimentTranslator.paddedLength(8, 8));
        assertEquals(16, SentimentTranslator.paddedLength(9, 8));
        assertEquals(64, SentimentTranslator.paddedLength(64, 8));
        assertEquals(13, SentimentTranslator.paddedLength(13, 1));
    }

    @Test
    void paddingAPassToAMultipleOfEightChangesNoProbability() throws Exception {
        List<String> texts = List.of("Ford shares fall after recall", "$AAPL jumps",
                "Company reports strong quarterly revenue growth and raises its full-year guidance again today");
        SentimentTranslator padded = new SentimentTranslator();
        padded.padLengthsTo(8);
        try (LoadedModel model = new ModelLoader(ModelOptions.of(MODEL.toString()), new ObjectMapper()).load();
             var paddedModel = Criteria.builder().setTypes(Encoding[].class, float[][].class).optModelPath(MODEL)
                     .optModelName("model").optEngine("PyTorch").optTranslator(padded).build().loadModel();
             var predictor = paddedModel.newPredictor()) {
            Encoding[] encodings = model.encode(texts);
            int longest = java.util.Arrays.stream(encodings).mapToInt(e -> e.getIds().length).max().orElseThrow();
            assertTrue(longest % 8 != 0, "the pass really gets padding: longest " + longest);
            float[][] probabilities = predictor.predict(encodings);
            List<Sentiment> unpadded = model.score(texts);
            for (int i = 0; i < texts.size(); i++) {
                Sentiment s = model.toSentiment(probabilities[i]);
                assertEquals(unpadded.get(i).positive(), s.positive(), 1e-5, texts.get(i));
                assertEquals(unpadded.get(i).negative(), s.negative(), 1e-5, texts.get(i));
            }
        }
    }
}

package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.Sentiment;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped tiny BERT, run through DJL's libtorch, agrees with what Python torch computed for it when it was
 * made (tools/model/make_tiny_bert.py wrote the expected ids and probabilities), and batching is invisible.
 */
@QuarkusTest
class TinyModelTest {

    static final Path MODEL = Path.of("src/test/resources/models/tiny-bert");

    @Inject
    SentimentModel model;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void modelIsReady() {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> model.state() != SentimentModel.State.LOADING);
        assertEquals(SentimentModel.State.READY, model.state(), model.failure());
    }

    @Test
    void tokenizerJsonGivesTheSameIdsAsTheReferenceWordPiece() throws Exception {
        JsonNode check = json.readTree(MODEL.resolve("tokenizer-check.json").toFile());
        try (var tokenizer = HuggingFaceTokenizer.newInstance(MODEL.resolve("tokenizer.json"),
                Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false"))) {
            for (JsonNode c : check.get("cases")) {
                long[] expected = json.convertValue(c.get("ids"), long[].class);
                assertArrayEquals(expected, tokenizer.encode(c.get("text").asText()).getIds(), c.get("text").asText());
            }
        }
    }

    @Test
    void probabilitiesMatchPythonTorchForTheSameModel() throws Exception {
        JsonNode check = json.readTree(MODEL.resolve("model-check.json").toFile());
        double tolerance = check.get("tolerance").asDouble();
        List<String> texts = new ArrayList<>();
        check.get("cases").forEach(c -> texts.add(c.get("text").asText()));
        List<Sentiment> scores = model.score(texts);
        for (int i = 0; i < texts.size(); i++) {
            JsonNode expected = check.get("cases").get(i).get("probabilities");
            Map<String, Double> byLabel = Map.of(
                    check.at("/id2label/0").asText(), expected.get(0).asDouble(),
                    check.at("/id2label/1").asText(), expected.get(1).asDouble(),
                    check.at("/id2label/2").asText(), expected.get(2).asDouble());
            Sentiment s = scores.get(i);
            assertEquals(byLabel.get("positive"), s.positive(), tolerance, texts.get(i));
            assertEquals(byLabel.get("negative"), s.negative(), tolerance, texts.get(i));
            assertEquals(byLabel.get("neutral"), s.neutral(), tolerance, texts.get(i));
            assertEquals(check.get("cases").get(i).get("label").asText(), s.label(), texts.get(i));
        }
    }

    @Test
    void aBatchScoresExactlyLikeOneTextAtATimeDespitePadding() throws Exception {
        List<String> texts = List.of("Ford recalls 500,000 trucks",
                "Microsoft pauses talks to buy TikTok's U.S. operations after Trump says he will ban the app, "
                        + "according to people familiar with the matter",
                "$NVDA up", "Apple");
        List<Sentiment> batch = model.score(texts);
        for (int i = 0; i < texts.size(); i++) {
            Sentiment alone = model.score(List.of(texts.get(i))).get(0);
            assertEquals(alone.positive(), batch.get(i).positive(), 1e-5, texts.get(i));
            assertEquals(alone.negative(), batch.get(i).negative(), 1e-5, texts.get(i));
            assertEquals(alone.neutral(), batch.get(i).neutral(), 1e-5, texts.get(i));
        }
        assertTrue(Math.abs(batch.get(0).score() - batch.get(1).score()) > 1e-4, "different texts, different scores");
    }

    @Test
    void scoresDegenerateTextsWithValidProbabilities() throws Exception {
        String huge = "Shares of Tesla rallied. ".repeat(4_000);
        List<Sentiment> scores = model.score(List.of("", "   \n\t ", huge, "🚀🚀📈💎🙌", "Die Aktie von SAP steigt kräftig"));
        assertEquals(5, scores.size());
        for (Sentiment s : scores) {
            assertEquals(1.0, s.positive() + s.negative() + s.neutral(), 1e-4);
        }
        assertEquals(scores.get(0).score(), scores.get(1).score(), 1e-6, "whitespace-only reads as empty");
    }

    @Test
    void recordsTheModelNamedInConfigJson() {
        assertEquals("tth-tiny-random", model.modelRef().id());
        assertEquals("1", model.modelRef().version());
    }
}

package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.Sentiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline model the project builds and ships (models/tth-finbert-mini v3: all-MiniLM-L6-v2 fine-tuned on the
 * tweets, fp16-stored Linear weights with float32 arithmetic, int8 word embeddings), loaded through the service's own
 * loading path: it reproduces Python's numbers, maps its labels by name (its id2label order differs from FinBERT's),
 * and reads meaning: on the held-out validation rows it scores what training measured.
 */
class ShippedModelTest {

    static final Path MODEL = Path.of(System.getProperty("tth.shipped.model", "../models/tth-finbert-mini"));
    static final ObjectMapper JSON = new ObjectMapper();
    static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        model = new ModelLoader(ModelOptions.of(MODEL.toString()), JSON).load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void namesItselfFromConfigJson() {
        assertEquals("tth-finbert-mini", model.description().model().id());
        assertEquals("3", model.description().model().version());
        assertEquals(1, model.description().positiveIndex(), "id2label puts positive at 1 in this model");
        assertEquals(0, model.description().negativeIndex());
    }

    @Test
    void probabilitiesMatchPythonTorch() throws Exception {
        // Python scored each text alone; no activation is quantised, so batch-mates could not move them anyway
        JsonNode check = JSON.readTree(MODEL.resolve("model-check.json").toFile());
        double tolerance = check.get("tolerance").asDouble();
        double worst = 0;
        String worstText = "";
        for (JsonNode c : check.get("cases")) {
            String text = c.get("text").asText();
            Sentiment score = model.score(List.of(text)).get(0);
            JsonNode p = c.get("probabilities");
            double diff = Math.max(Math.abs(p.get(1).asDouble() - score.positive()),
                    Math.max(Math.abs(p.get(0).asDouble() - score.negative()),
                            Math.abs(p.get(2).asDouble() - score.neutral())));
            if (diff > worst) {
                worst = diff;
                worstText = text;
            }
        }
        assertTrue(worst <= tolerance, "max |JVM - Python| probability " + worst + " > " + tolerance + " on '"
                + worstText + "'");
    }

    @Test
    void readsClearHeadlinesTheWayAReaderWould() throws Exception {
        List<Sentiment> s = model.score(List.of(
                "$AAPL shares jump after record quarterly profit beats estimates",
                "Company X shares plunge after it warns of bankruptcy and misses estimates",
                "Annual shareholder meeting scheduled for May 5"));
        assertEquals("positive", s.get(0).label());
        assertEquals("negative", s.get(1).label());
        assertEquals("neutral", s.get(2).label());
    }

    @Test
    void scoresTheHeldOutValidationRowsAsWellAsTrainingMeasured() throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/fixtures/sentiment-validation.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            texts.add(row.get("text").asText());
            labels.add(row.get("label").asText());
        }
        List<Sentiment> scores = model.score(texts);
        long correct = 0;
        for (int i = 0; i < texts.size(); i++) {
            correct += scores.get(i).label().equals(labels.get(i)) ? 1 : 0;
        }
        double accuracy = (double) correct / texts.size();
        double measured = JSON.readTree(MODEL.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        assertEquals(954, texts.size());
        assertTrue(Math.abs(accuracy - measured) <= 0.005,
                "JVM accuracy " + accuracy + " vs Python's " + measured + " on the same rows");
    }
}

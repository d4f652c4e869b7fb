package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FinBERT is taken from DJL's cache when it is there, so a machine that downloaded it once works offline. */
class ZooCacheTest {

    @TempDir
    Path cache;

    @Test
    void findsACachedZooModelByName() throws Exception {
        Path dir = cache.resolve("nlp/text_classification/ai/djl/huggingface/pytorch/ProsusAI/finbert/0.0.1");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("finbert.pt"), "x");
        Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertEquals(dir, ModelLoader.findCached(cache, "ProsusAI/finbert").orElseThrow());
    }

    @Test
    void ignoresOtherModelsAndIncompleteDownloads() throws Exception {
        Path other = cache.resolve("nlp/ai/djl/huggingface/pytorch/yiyanghkust/finbert-tone/0.0.1");
        Files.createDirectories(other);
        Files.writeString(other.resolve("finbert-tone.pt"), "x");
        Files.writeString(other.resolve("tokenizer.json"), "{}");
        Path partial = cache.resolve("nlp/ai/djl/huggingface/pytorch/ProsusAI/finbert/0.0.1");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("finbert.pt"), "x");
        assertTrue(ModelLoader.findCached(cache, "ProsusAI/finbert").isEmpty());
        assertTrue(ModelLoader.findCached(cache.resolve("missing"), "ProsusAI/finbert").isEmpty());
    }
}

package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that names no version (a cached FinBERT, a converted download) is recorded under a hash of its files, so
 * scores of two revisions never share a key; a model that names its version keeps it.
 */
class ModelRevisionTest {

    static final Path TINY = Path.of("src/test/resources/models/tiny-bert");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aCachedModelWithoutAVersionIsLoadedUnderTheHashOfItsFiles() throws Exception {
        Path dir = zooStyleCopy("ProsusAI/finbert/0.0.1", "finbert.pt");
        try (LoadedModel model = new ModelLoader(ModelOptions.of(dir.toString()), JSON).load()) {
            String version = model.description().model().version();
            assertTrue(version.matches("sha256-[0-9a-f]{12}"), version);
            assertEquals(ModelRevision.of(dir), version);
            assertEquals("tth-tiny-random", model.description().model().id());
        }
    }

    @Test
    void theSameFilesElsewhereAndRenamedKeepTheirRevision() throws Exception {
        Path a = zooStyleCopy("a/0.0.1", "finbert.pt");
        Path b = zooStyleCopy("b/elsewhere", "model.pt");
        assertEquals(ModelRevision.of(a), ModelRevision.of(b));
    }

    @Test
    void changedWeightsTokenizerOrLabelsGiveANewRevision() throws Exception {
        Path dir = zooStyleCopy("finbert", "finbert.pt");
        String original = ModelRevision.of(dir);

        byte[] weights = Files.readAllBytes(dir.resolve("finbert.pt"));
        weights[weights.length / 2] ^= 1;
        Files.write(dir.resolve("finbert.pt"), weights);
        String newWeights = ModelRevision.of(dir);
        assertNotEquals(original, newWeights, "one flipped bit in the weights");

        Files.writeString(dir.resolve("tokenizer.json"), Files.readString(dir.resolve("tokenizer.json")) + " ");
        String newTokenizer = ModelRevision.of(dir);
        assertNotEquals(newWeights, newTokenizer, "a changed tokenizer.json");

        ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        config.putObject("id2label").put("0", "negative").put("1", "positive").put("2", "neutral");
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
        assertNotEquals(newTokenizer, ModelRevision.of(dir), "swapped labels in config.json");
    }

    @Test
    void aModelThatNamesItsVersionKeepsIt() throws Exception {
        assertEquals("1", ModelDescription.read(TINY, "fallback", JSON).model().version());
    }

    @Test
    void aDirectoryWithoutATorchScriptFileHasNoRevision() throws Exception {
        Path dir = zooStyleCopy("broken", "finbert.pt");
        Files.delete(dir.resolve("finbert.pt"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ModelRevision.of(dir));
        assertTrue(e.getMessage().contains("single .pt"), e.getMessage());
    }

    /** The tiny model laid out like a DJL zoo download: its own .pt name and a config.json without a version. */
    private Path zooStyleCopy(String relative, String scriptName) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(relative));
        Files.copy(TINY.resolve("model.pt"), dir.resolve(scriptName));
        Files.copy(TINY.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        ObjectNode config = (ObjectNode) JSON.readTree(TINY.resolve("config.json").toFile());
        config.remove("tth_model_version");
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
        return dir;
    }
}

package com.tradethehype.sentiment.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ModelRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * What a model directory's {@code config.json} says: which output index holds which label (by name, never by
 * position: FinBERT is positive/negative/neutral, other models differ) and the model's id and version (a hash of its
 * files when it names none, see {@link ModelRevision}), and whether its file can compute its Linear layers in
 * bfloat16 ({@code tth_bf16_switch}: a {@code use_bf16(bool)} method, see {@link Bf16}).
 */
public record ModelDescription(ModelRef model, int positiveIndex, int negativeIndex, int neutralIndex,
                               boolean bf16Switch) {

    /**
     * Reads {@code dir/config.json}; throws with a clear message if a label is missing. Without a
     * {@code tth_model_version} the version is the revision hash of the directory's files.
     */
    public static ModelDescription read(Path dir, String fallbackId, ObjectMapper json) throws IOException {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no config.json in " + dir);
        }
        JsonNode config = json.readTree(file.toFile());
        JsonNode id2label = config.path("id2label");
        int positive = -1;
        int negative = -1;
        int neutral = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = id2label.fields(); it.hasNext(); ) {
            var entry = it.next();
            int index = Integer.parseInt(entry.getKey());
            switch (entry.getValue().asText().toLowerCase(Locale.ROOT)) {
                case "positive", "bullish" -> positive = index;
                case "negative", "bearish" -> negative = index;
                case "neutral" -> neutral = index;
                default -> throw new IOException("unknown label '" + entry.getValue().asText() + "' in " + file);
            }
        }
        if (positive < 0 || negative < 0 || neutral < 0 || id2label.size() != 3) {
            throw new IOException(file + " must name exactly the labels positive, negative and neutral in id2label, "
                    + "found " + id2label);
        }
        String id = config.path("tth_model_id").asText(fallbackId);
        String version = config.path("tth_model_version").asText("");
        if (version.isBlank()) {
            version = ModelRevision.of(dir);
        }
        return new ModelDescription(new ModelRef(id, version), positive, negative, neutral,
                config.path("tth_bf16_switch").asBoolean(false));
    }

    /** The same description with id/version overridden by configuration where given. */
    public ModelDescription withModel(ModelRef override) {
        return new ModelDescription(override, positiveIndex, negativeIndex, neutralIndex, bf16Switch);
    }
}

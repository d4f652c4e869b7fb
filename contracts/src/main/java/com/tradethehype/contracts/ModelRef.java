package com.tradethehype.contracts;

import java.util.Objects;

/**
 * The model that produced a score, so every number can be traced to what computed it.
 *
 * @param id      model name, e.g. {@code ProsusAI/finbert} or {@code tth-finbert-mini}
 * @param version model version, e.g. a revision or {@code 1-int8}
 */
public record ModelRef(String id, String version) {

    public ModelRef {
        Objects.requireNonNull(id, "id");
        version = version == null || version.isBlank() ? "unversioned" : version;
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}

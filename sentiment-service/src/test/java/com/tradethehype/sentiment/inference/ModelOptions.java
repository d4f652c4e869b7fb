package com.tradethehype.sentiment.inference;

import com.tradethehype.sentiment.config.SentimentConfig;
import java.util.Optional;

/** Model settings for loading a model outside Quarkus, with the service's defaults. */
record ModelOptions(String location, int batchSize, SentimentConfig.Bf16Mode bfloat16)
        implements SentimentConfig.Model {

    static ModelOptions of(String location) {
        return new ModelOptions(location, 32, SentimentConfig.Bf16Mode.AUTO);
    }

    ModelOptions(String location, int batchSize) {
        this(location, batchSize, SentimentConfig.Bf16Mode.AUTO);
    }

    @Override
    public Optional<String> id() {
        return Optional.empty();
    }

    @Override
    public Optional<String> version() {
        return Optional.empty();
    }

    @Override
    public int maxLength() {
        return 64;
    }

    @Override
    public int intraOpThreads() {
        return 2;
    }

    @Override
    public int interOpThreads() {
        return 1;
    }
}

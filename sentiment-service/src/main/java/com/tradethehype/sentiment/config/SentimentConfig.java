package com.tradethehype.sentiment.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Business settings of sentiment-service. */
@ConfigMapping(prefix = "sentiment")
public interface SentimentConfig {

    /** Which model scores, and how it runs. */
    Model model();

    /** How the one inference engine forms and runs forward passes. */
    Engine engine();

    /** How the ingested-article consumer reads its queue. */
    Consumer consumer();

    /** How the one-shot {@code drain} command empties its queue. */
    Drain drain();

    /** What one {@code POST /score} request may cost. */
    Score score();

    /** Caps of {@code POST /score}, each refused with a problem naming what is over. */
    interface Score {

        /** Most characters per text, checked before tokenising (the model reads only its first max-length tokens). */
        @WithDefault("10000")
        @Min(1)
        int maxChars();

        /** Most texts per request. */
        @WithDefault("256")
        @Min(1)
        int maxTexts();

        /** Largest request body; a larger declared one is a 413 before it is read. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    /** Model settings. */
    /** How a model with a bfloat16 mode computes its Linear layers. */
    enum Bf16Mode { AUTO, ON, OFF }

    interface Model {

        /** A local model directory (model.pt + tokenizer.json + config.json) or a djl:// model-zoo URL. */
        @WithDefault("djl://ai.djl.huggingface.pytorch/ProsusAI/finbert")
        String location();

        /** Model id recorded on every score; defaults to config.json's tth_model_id or the zoo name. */
        Optional<String> id();

        /** Model version recorded on every score; defaults to config.json's tth_model_version. */
        Optional<String> version();

        /** Tokens per text, special tokens included; FinBERT was trained at 64. */
        @WithDefault("64")
        int maxLength();

        /** Most texts in one forward pass; larger requests are split after sorting by length. */
        @WithDefault("32")
        int batchSize();

        /**
         * libtorch intra-op threads per inference worker: 1, with a worker per core, because a pass on 2 threads
         * stalls at every OpenMP barrier whose other thread the OS gave to another process (half the speed then).
         */
        @WithDefault("1")
        int intraOpThreads();

        /**
         * bfloat16 Linear layers for a model that offers them ({@code tth_bf16_switch} in config.json): AUTO uses
         * them where the CPU has native bfloat16 (avx512_bf16 or amx_bf16 in /proc/cpuinfo; ~1.7x the headlines/s of
         * float32 there, same accuracy within 0.002), ON forces them (slow on CPUs without), OFF keeps float32.
         */
        @WithDefault("auto")
        Bf16Mode bfloat16();

        /** libtorch inter-op threads (measured best on 2 cores: 1). */
        @WithDefault("1")
        int interOpThreads();
    }

    /** Inference engine settings: every caller's texts go through these workers. */
    interface Engine {

        /** Worker threads, each running one pass at a time; 0 means cores / intra-op threads, at least 1. */
        @WithDefault("0")
        int workers();

        /** Most padded tokens (texts x longest text) in one pass, which bounds how long a pass takes. */
        @WithDefault("2048")
        int maxTokens();

        /**
         * Padded tokens a pass of 8 or more texts may hold per real token; longer texts wait for a pass of their own
         * (a pass costs its padded tokens: 32 random headlines padded to the longest cost about twice their own).
         */
        @WithDefault("1.5")
        double maxPadding();

        /**
         * Requests of at most this many texts (someone waiting on one headline, not a bulk job) run in short passes
         * of their own while bigger ones wait, so under load they wait for a running pass, not also a full one of
         * their own; express passes yield after a full pass's worth of texts so bulk work is never starved. 0 = off.
         */
        @WithDefault("4")
        int expressTexts();

        /**
         * What a pass costs beyond its padded tokens, counted in padded tokens: idle workers cut a request into
         * passes of similar lengths only while a cut saves more padding than this (the shipped model on one
         * libtorch thread: 0.7-3.9 ms per pass against 0.07-0.1 ms per padded token, 7-53 tokens by width, mean 26;
         * {@code BENCH_PARTS=shapes bench/sentiment-bench.sh} measures it for another model or machine).
         */
        @WithDefault("32")
        int passOverheadTokens();

        /** Longest an idle worker waits for more texts before it runs a pass that is not full. */
        @WithDefault("2ms")
        Duration maxWait();
    }

    /** Consumer settings. */
    interface Consumer {

        /** Consume once the model is ready; false only serves POST /score. */
        @WithDefault("true")
        boolean enabled();

        /** Most messages scored together. */
        @WithDefault("32")
        int batchSize();

        /**
         * Receive-score-publish loops side by side; 0 means the engine's workers + 1, so every worker has a batch
         * while another batch's SQS calls are on the wire (one loop left the workers idle during every round trip).
         */
        @WithDefault("0")
        int loops();

        /** Longest a partial batch waits for more messages. */
        @WithDefault("200ms")
        Duration maxWait();

        /** How long a received message stays hidden; a failed batch is redelivered after it. */
        @WithDefault("60s")
        Duration visibilityTimeout();

        /** Deadline for each SQS call. */
        @WithDefault("10s")
        Duration sqsTimeout();
    }

    /** Drain settings. */
    interface Drain {

        /** Receives in a row that find the queue empty before the drain ends. */
        @WithDefault("3")
        int emptyReceives();

        /** Long-poll wait of each receive. */
        @WithDefault("1s")
        Duration receiveWait();

        /** Longest the drain waits for the model to load. */
        @WithDefault("10m")
        Duration modelTimeout();
    }
}

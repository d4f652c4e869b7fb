package com.tradethehype.sentiment.inference;

import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.repository.zoo.ZooModel;
import com.tradethehype.sentiment.config.SentimentConfig.Bf16Mode;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses how a model that offers both computes its Linear layers: bfloat16 matmuls where the CPU runs them natively
 * (oneDNN on AVX512-BF16 or AMX: ~1.7x the headlines/s of float32 on the 2-core AMD EPYC here), float32 elsewhere,
 * where libtorch's bfloat16 matmul falls back to slow generic code. The model file holds one copy of the weights
 * and a flag its {@code use_bf16(bool)} TorchScript method flips (tools/model/train_minilm.py: the bf16-switch export
 * stores the weights bfloat16; the int8-switch export, v5's, stores them int8 and the call also dequantises each once
 * into the chosen dtype, so it must run before the first pass for full speed: {@link #apply} is part of loading).
 */
final class Bf16 {

    /**
     * Pass lengths round up to this in bfloat16 mode: oneDNN compiles and caches a kernel per pass shape, and every
     * length from 1 to 64 tokens made the cache (and the service's memory) grow by ~250 MiB under mixed load.
     */
    static final int LENGTH_MULTIPLE = 8;

    private static final Pattern FLAGS = Pattern.compile("^flags\\s*:\\s*(.*)$", Pattern.MULTILINE);

    private Bf16() {
    }

    /** Whether {@code cpuinfo} (the text of /proc/cpuinfo) names a native bfloat16 instruction set. */
    static boolean nativeIn(String cpuinfo) {
        var matcher = FLAGS.matcher(cpuinfo);
        if (!matcher.find()) {
            return false;
        }
        Set<String> flags = Set.of(matcher.group(1).trim().split("\\s+"));
        return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
    }

    /** Whether this machine's CPU runs bfloat16 natively (false where /proc/cpuinfo cannot be read). */
    static boolean nativeHere() {
        try {
            return nativeIn(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code mode} asks for bfloat16 on a CPU with ({@code nativeCpu}) or without native support. */
    static boolean wanted(Bf16Mode mode, boolean nativeCpu) {
        return mode == Bf16Mode.ON || mode == Bf16Mode.AUTO && nativeCpu;
    }

    /**
     * Sets the model's mode (both ways, so the file's default never decides silently) and says which it is.
     * Returns true when the Linear layers now compute in bfloat16.
     */
    static boolean apply(ZooModel<?, ?> model, ModelDescription description, Bf16Mode mode) {
        boolean nativeCpu = nativeHere();
        if (!description.bf16Switch()) {
            if (mode == Bf16Mode.ON) {
                Log.warnf("sentiment.model.bfloat16=on, but %s has no bfloat16 mode: it computes as exported",
                        description.model());
            }
            return false;
        }
        boolean on = wanted(mode, nativeCpu);
        try (IValue answer = IValueUtils.runMethod((PtSymbolBlock) model.getBlock(), "use_bf16", IValue.from(on))) {
            if (answer.toBoolean() != on) {
                throw new IllegalStateException("use_bf16(" + on + ") answered " + answer.toBoolean());
            }
        }
        if (on && !nativeCpu) {
            Log.warnf("%s computes its Linear layers in bfloat16 (sentiment.model.bfloat16=on) on a CPU without "
                    + "native bfloat16: expect it to be several times slower than float32", description.model());
        } else {
            Log.infof("%s computes its Linear layers in %s", description.model(), on
                    ? "bfloat16 (the CPU has native bfloat16)"
                    : nativeCpu ? "float32 (sentiment.model.bfloat16=off)" : "float32 (no native bfloat16 on this CPU)");
        }
        return on;
    }
}

package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.sentiment.config.SentimentConfig.Bf16Mode;
import org.junit.jupiter.api.Test;

/** Which CPUs count as running bfloat16 natively, and what each setting then chooses. */
class Bf16Test {

    static final String EPYC = "processor\t: 0\nvendor_id\t: AuthenticAMD\n"
            + "flags\t\t: fpu sse2 avx2 avx512f avx512bw avx512_vnni avx512_bf16 clzero\nbugs\t\t: sysret_ss_attrs\n";
    static final String SAPPHIRE_RAPIDS = "flags\t\t: avx2 avx512f amx_bf16 amx_tile amx_int8\n";
    static final String AVX2_ONLY = "flags\t\t: fpu sse2 avx avx2 fma\nbugs\t\t: avx512_bf16_is_not_a_flag_here\n";

    @Test
    void avx512Bf16OrAmxCountsAsNativeAndAFlagNamedOnlyOutsideTheFlagsLineDoesNot() {
        assertTrue(Bf16.nativeIn(EPYC));
        assertTrue(Bf16.nativeIn(SAPPHIRE_RAPIDS));
        assertFalse(Bf16.nativeIn(AVX2_ONLY));
        assertFalse(Bf16.nativeIn("flags\t\t: avx512_bf16x\n"), "whole flags only");
        assertFalse(Bf16.nativeIn(""));
    }

    @Test
    void autoFollowsTheCpuWhileOnAndOffAreObeyed() {
        assertTrue(Bf16.wanted(Bf16Mode.AUTO, true));
        assertFalse(Bf16.wanted(Bf16Mode.AUTO, false));
        assertTrue(Bf16.wanted(Bf16Mode.ON, false));
        assertFalse(Bf16.wanted(Bf16Mode.OFF, true));
    }
}

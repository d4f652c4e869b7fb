package com.tradethehype.digest.signal;

/** What a ticker's day says: a clear direction, or volume far above its norm without one. */
public enum SignalKind {
    /** Far more mentions than its baseline, sentiment without a clear direction. */
    HYPE_SPIKE,
    /** Enough evidence, mostly positive. */
    BULLISH,
    /** Enough evidence, mostly negative. */
    BEARISH
}

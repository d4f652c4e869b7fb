package com.tradethehype.ingest;

/**
 * A crypto-currency mention that was dropped: crypto never leaves the ingest service.
 *
 * @param text   the words matched ({@code $BTC.X}, {@code BTC-USD}, {@code Bitcoin}, {@code $SOL})
 * @param coin   the coin's symbol, upper case (e.g. {@code BTC})
 * @param reason why it counts as crypto ({@code STOCKTWITS_SUFFIX}, {@code PAIR}, {@code COIN_NAME},
 *               {@code SYMBOL_IN_CRYPTO_CONTEXT}, {@code CRYPTO_FUND})
 * @param start  where {@code text} starts in the text searched
 */
public record CryptoMention(String text, String coin, String reason, int start) {
}

package com.tradethehype.ingest.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.ingest.TickerMention.Evidence;
import com.tradethehype.ingest.TickerMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternTickerExtractorTest {

    private final TickerExtractor extractor = new PatternTickerExtractor();

    private List<String> tickers(String text) {
        return extractor.tickers(text, List.of());
    }

    @Test
    void findsCashtagsIncludingShareClassesSortedAndDistinct() {
        assertEquals(List.of("AAPL", "BRK.B", "F", "TSLA"),
                tickers("$TSLA and $AAPL's rally; $BRK.B holds, $F too. Again: $AAPL."));
    }

    @Test
    void writesDashShareClassesWithADot() {
        assertEquals(List.of("BRK.B"), tickers("Buffett's $BRK-B and (NYSE: BRK-B)"));
    }

    @Test
    void findsExchangePrefixedSymbols() {
        assertEquals(List.of("BRK.B", "F", "MSFT", "NVDA"),
                tickers("Microsoft (NASDAQ: MSFT), Ford NYSE:F, Berkshire (NYSE: BRK.B), Nvidia (NasdaqGS:NVDA)"));
    }

    @Test
    void rejectsCryptoCashtagsAndReportsThemAsDroppedCrypto() {
        assertEquals(List.of(), tickers("$BTC.X moons, $ETH.X follows, $DOGE-USD and $BTC-USDT too"));
        assertEquals(List.of("$BTC.X", "$ETH.X", "$DOGE-USD", "$BTC-USDT"), extractor.extract(
                "$BTC.X moons, $ETH.X follows, $DOGE-USD and $BTC-USDT too", List.of()).crypto().stream()
                .map(c -> c.text()).toList());
    }

    @Test
    void rejectsAmountsAndWordsThatOnlyLookLikeCashtags() {
        assertEquals(List.of(), tickers("It costs $100, or US$5bn, $1B, $aapl in lower case, $TOOLONG, A$AP"));
    }

    @Test
    void ignoresExchangeNamesWithoutASymbol() {
        assertEquals(List.of(), tickers("NYSE: American Airlines reports; the Nasdaq: closed higher"));
    }

    @Test
    void addsTheSourceTickersAsEvidenceOfTheirOwn() {
        List<TickerMention> mentions = extractor.mentions("Cloud deal for $AMZN", List.of("MSFT"));
        assertTrue(mentions.contains(new TickerMention("AMZN", Evidence.CASHTAG, "$AMZN", 15)), mentions.toString());
        assertTrue(mentions.contains(new TickerMention("MSFT", Evidence.SOURCE)), mentions.toString());
        assertEquals(List.of("AMZN", "MSFT"), extractor.tickers("Cloud deal for $AMZN", List.of("MSFT")));
    }

    @Test
    void aTextWithoutTickersAndASourceWithoutTickersGiveNone() {
        assertEquals(List.of(), tickers("Markets were calm on Monday"));
        assertEquals(List.of(), extractor.tickers(null, List.of()));
    }
}

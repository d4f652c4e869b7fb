package com.tradethehype.ingest.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.ingest.CryptoMention;
import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.normalise.ArticleNormaliser;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of ticker extraction on {@code extraction/cases.tsv}: texts from the recorded feeds, two
 * systematic samples of the sentiment training texts, the hand-written cases the issues name, the class cases of
 * issue 10 and the rows held out in its first fourteen rounds ({@code was-heldout:}, {@code was-heldout2:} ...
 * {@code was-heldout14:}; tuned on since, so they count with the tuned part), and a held-out part ({@code heldout15:})
 * labelled before the rules it measures were written and never tuned on, scored on
 * its own. An origin ending in
 * {@code @SYM} is an item of a per-ticker feed of SYM. The floors sit a little under what was measured, so a change
 * that makes tagging worse fails here.
 */
class ExtractionTableTest {

    private record Case(String origin, Set<String> tickers, Set<String> crypto, String text) {

        List<String> sourceTickers() {
            int at = origin.indexOf('@');
            return at < 0 ? List.of() : List.of(origin.substring(at + 1));
        }

        boolean heldOut() {
            return origin.startsWith("heldout15:");
        }
    }

    /** Counts of one comparison. */
    private static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(Set<String> expected, Set<String> actual) {
            Set<String> hit = new TreeSet<>(actual);
            hit.retainAll(expected);
            truePositives += hit.size();
            falsePositives += actual.size() - hit.size();
            falseNegatives += expected.size() - hit.size();
        }

        double precision() {
            return truePositives / (double) Math.max(1, truePositives + falsePositives);
        }

        double recall() {
            return truePositives / (double) Math.max(1, truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format("precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", precision(), recall(),
                    truePositives, falsePositives, falseNegatives);
        }
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ExtractionTableTest.class.getResourceAsStream("/extraction/cases.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                cases.add(new Case(f[0], symbols(f[1]), symbols(f[2]), f[3]));
            }
        }
        return cases;
    }

    private static Set<String> symbols(String column) {
        return column.equals("-") ? Set.of() : new TreeSet<>(List.of(column.split(",")));
    }

    @Test
    void tagsTheTableWithHighPrecisionAndRecallAndGetsEveryCaseTheIssueNamesRight() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 620, "table size " + cases.size());
        Score all = new Score();
        Score sampled = new Score();
        Score heldOut = new Score();
        Score heldOutBefore = new Score();
        Score lastHeldOut = new Score();
        Score previousHeldOut = new Score();
        int heldOutRows = 0;
        Score crypto = new Score();
        Score heldOutCrypto = new Score();
        int cryptoLeaks = 0;
        int heldOutCryptoLeaks = 0;
        List<String> wrongEdgeCases = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        List<String> heldOutMisses = new ArrayList<>();
        for (Case c : cases) {
            Extraction extraction = Extractors.shared().extract(ArticleNormaliser.plainText(c.text()),
                    c.sourceTickers());
            Set<String> tickers = new TreeSet<>(extraction.tickers());
            Set<String> coins = new TreeSet<>(extraction.crypto().stream().map(CryptoMention::coin).toList());
            int leaks = (int) c.crypto().stream().filter(tickers::contains).count();
            if (c.heldOut()) {
                heldOutRows++;
                heldOutCryptoLeaks += leaks;
                heldOut.add(c.tickers(), tickers);
                heldOutCrypto.add(c.crypto(), coins);
                if (!tickers.equals(c.tickers())) {
                    heldOutMisses.add(c.origin() + ": " + c.text() + " -> expected " + c.tickers() + ", got " + tickers);
                }
                if (!coins.equals(c.crypto())) {
                    heldOutMisses.add(c.origin() + ": " + c.text() + " -> expected coins " + c.crypto() + ", got " + coins);
                }
                continue;
            }
            crypto.add(c.crypto(), coins);
            cryptoLeaks += leaks;
            all.add(c.tickers(), tickers);
            if (c.origin().startsWith("was-heldout")) {
                heldOutBefore.add(c.tickers(), tickers);
            }
            if (c.origin().startsWith("was-heldout13:")) {
                previousHeldOut.add(c.tickers(), tickers);
            }
            if (c.origin().startsWith("was-heldout14:")) {
                lastHeldOut.add(c.tickers(), tickers);
            }
            if (!c.origin().equals("edge")) {
                sampled.add(c.tickers(), tickers);
            } else if (!tickers.equals(c.tickers()) || !coins.equals(c.crypto())) {
                wrongEdgeCases.add(c.text() + " -> " + tickers + " " + coins);
            }
            if (!tickers.equals(c.tickers())) {
                misses.add(c.origin() + ": expected " + c.tickers() + ", got " + tickers);
            }
        }
        Log.infof("Extraction table, %d cases: tickers %s; without the hand-written edge cases %s; held out %s; "
                + "held out in earlier rounds of issue 10, tuned since %s; crypto coins %s; differences: %s", cases.size(), all, sampled,
                heldOut, heldOutBefore, crypto, misses);
        Log.infof("Held out in the thirteenth round, tuned since (was-heldout13:): %s", previousHeldOut);
        Log.infof("Held out in the fourteenth round, tuned since (was-heldout14:): %s", lastHeldOut);
        Log.infof("Held-out rows %d, crypto coins %s, crypto leaks %d; held-out differences: %s", heldOutRows,
                heldOutCrypto, heldOutCryptoLeaks, heldOutMisses);
        assertEquals(List.of(), wrongEdgeCases);
        assertEquals(0, cryptoLeaks, "crypto published as a ticker");
        // 0.993 / 0.990 with the twelfth round's rules (tp 1331, fp 9, fn 14); after the thirteenth round 0.996 / 0.991
        // (tp 1333, fp 5, fn 12: 0.9963 / 0.9911, so the floors sit just under); from the fourteenth round the tuned part
        // also counts was-heldout13: 0.990 / 0.985 before that round's rules and lists (tp 1417, fp 15, fn 21, one crypto
        // leak), 0.997 / 0.991 after (tp 1425, fp 5, fn 13: 0.9965 / 0.9910, no leak). From the fifteenth round the tuned
        // part also counts was-heldout14: 0.994 / 0.976 before that round's lists and rules (tp 1571, fp 9, fn 39, two
        // crypto leaks: $ATOM, $FET), 0.996 / 0.988 after (tp 1590, fp 6, fn 20: 0.9962 / 0.9876, no leak); the recall
        // floor sits under that, at 0.985, not at 0.99: 7 of was-heldout14:'s misses remain beside 13 older ones
        assertTrue(all.precision() >= 0.995, all.toString());
        assertTrue(all.recall() >= 0.985, all.toString());
        assertTrue(sampled.precision() >= 0.995, sampled.toString());
        if (heldOutRows > 0) {
            // heldout15: (255 rows) with the fourteenth round's rules 0.913 / 0.840 (tp 136, fp 13, fn 26), with the
            // fifteenth round's 0.913 / 0.846 (tp 137, fp 13, fn 25); one crypto leak both times ($ENS renewals ...,
            // labelled the coin)
            assertTrue(heldOutCryptoLeaks <= 1, "held-out crypto published as a ticker: " + heldOutCryptoLeaks);
            assertTrue(heldOut.precision() >= 0.91 && heldOut.recall() >= 0.845, heldOut.toString());
        }
        assertTrue(crypto.precision() >= 0.95 && crypto.recall() >= 0.95, crypto.toString());
    }
}

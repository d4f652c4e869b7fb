package com.tradethehype.ingest.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The word lists behind the extractor's judgement (see resources/extraction/ORIGIN.md). */
final class WordLists {

    /** Entries before "the" in BERT's vocabulary are special tokens and single characters. */
    private static final String FIRST_WORD = "the";
    /** A ticker whose lower case is among this many most frequent English words is word-like. */
    static final int COMMON_WORDS = 5000;
    /** A word past this frequency rank (or not in the vocabulary) is rare enough to stand for a company with a cue. */
    static final int RARE_WORDS = 10_000;
    /** Words this frequent are grammar or everyday words ({@code all}, {@code open}, {@code real}), never a holding. */
    static final int FUNCTION_WORDS = 600;
    /** What the issue names as word-like, whatever their frequency. */
    private static final Set<String> WORD_LIKE = Set.of("IT", "ALL", "A", "ON", "DD", "AI", "NOW", "OPEN", "SO", "BE",
            "CAT", "FUN", "REAL", "RUN", "FAST", "TRUE", "COST", "TV", "USA", "CAN", "ARE", "FOR", "GO", "O", "V", "T",
            "F", "M", "LOVE", "BIG", "NICE", "HAS", "ANY", "EAT", "PLAY", "CASH", "WELL", "KEY", "BOX", "CAR");

    /** Lower-case whole words of the vocabulary, by frequency rank (0 = most frequent). */
    final Map<String, Integer> englishRank;
    /** Slang never bare; {@code slangCashtag} never even with a dollar sign. */
    final Set<String> slang;
    final Set<String> slangCashtag;
    /** Folded crypto context words. */
    final List<String> cryptoWords;
    /** Alias (as written) -> symbol. */
    final Map<String, String> aliases;
    /** The folded names from {@code brands.tsv}: brands and units that stand for their listed parent. */
    final Set<String> brands;

    private WordLists(Map<String, Integer> englishRank, Set<String> slang, Set<String> slangCashtag,
                      List<String> cryptoWords, Map<String, String> aliases, Set<String> brands) {
        this.englishRank = englishRank;
        this.slang = slang;
        this.slangCashtag = slangCashtag;
        this.cryptoWords = cryptoWords;
        this.aliases = aliases;
        this.brands = brands;
    }

    static WordLists load() {
        Map<String, Integer> rank = new HashMap<>(32_000);
        boolean words = false;
        for (String line : read("bert-base-uncased-vocab.txt", false)) {
            words |= line.equals(FIRST_WORD);
            if (words && line.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                rank.putIfAbsent(line, rank.size());
            }
        }
        Set<String> slang = new HashSet<>();
        Set<String> slangCashtag = new HashSet<>();
        for (String line : read("slang.txt", true)) {
            boolean strict = line.startsWith("!");
            String word = strict ? line.substring(1) : line;
            slang.add(word);
            if (strict) {
                slangCashtag.add(word);
            }
        }
        List<String> crypto = read("crypto-words.txt", true).stream().map(NormalisedText::fold).toList();
        Map<String, String> aliases = new HashMap<>();
        for (String line : read("aliases.tsv", true)) {
            String[] parts = line.split("\t");
            aliases.put(parts[0].trim(), parts[1].trim());
        }
        Set<String> brands = new HashSet<>();
        for (String line : read("brands.tsv", true)) {
            String[] parts = line.split("\t");
            if (aliases.putIfAbsent(parts[0].trim(), parts[1].trim()) == null) { // a brand or unit names its parent
                brands.add(NormalisedText.fold(parts[0].trim()));
            }
        }
        return new WordLists(rank, slang, slangCashtag, crypto, aliases, brands);
    }

    /** Whether a bare upper-case {@code symbol} reads as an ordinary word. */
    boolean isWordLike(String symbol) {
        if (symbol.length() == 1 || WORD_LIKE.contains(symbol)) {
            return true;
        }
        return isCommon(symbol.toLowerCase());
    }

    /** Whether a folded single word is one of the few hundred most frequent ({@code all}, {@code can}, {@code open}). */
    boolean isFunctionWord(String folded) {
        Integer rank = englishRank.get(folded);
        return rank != null && rank < FUNCTION_WORDS;
    }

    /** Whether a folded single word is among the most frequent English words. */
    boolean isCommon(String folded) {
        Integer rank = englishRank.get(folded);
        return rank != null && rank < COMMON_WORDS;
    }

    /** Whether a folded single word is no English word, or a rare one ({@code sirius}, not {@code trump}). */
    boolean isRare(String folded) {
        Integer rank = englishRank.get(folded);
        return rank == null || rank >= RARE_WORDS;
    }

    /** Whether a folded single word is an English word (or a name common enough to be in the vocabulary). */
    boolean isEnglish(String folded) {
        return englishRank.containsKey(folded);
    }

    /** The stripped lines of a resource file in {@code resources/extraction}, blank lines (and comments) left out. */
    static List<String> read(String file, boolean skipComments) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(TickerUniverse.resource(file),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !(skipComments && line.startsWith("#"))) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading " + file + " failed", e);
        }
        return lines;
    }
}

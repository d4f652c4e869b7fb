package com.tradethehype.ingest.normalise;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Headline similarity for merging one story syndicated by several sources: the Jaccard similarity of the sets of
 * content words of the two normalised headlines (lower case, accents and punctuation gone, possessive 's and
 * stop words dropped). A trailing " - Publisher" or " | Site" segment of up to four words is ignored when that
 * makes the headlines more alike, since aggregators add them.
 */
public final class TitleWords {

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "to", "of", "in", "on", "for", "and", "as",
            "at", "by", "is", "are", "with", "from", "its", "it", "s");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEGMENT = Pattern.compile("\\s+[-|–—]\\s+(?=[^-|–—]*$)");

    private TitleWords() {
    }

    /** The content words of {@code title}, sorted, space-separated: the form stored with each article. */
    public static String of(String title) {
        return String.join(" ", words(title));
    }

    /** The same, without a short trailing publisher segment; equal to {@link #of} when there is none. */
    public static String withoutSuffix(String title) {
        var m = SEGMENT.matcher(title);
        if (m.find() && title.substring(m.end()).trim().split("\\s+").length <= 4 && m.start() > 0) {
            return of(title.substring(0, m.start()));
        }
        return of(title);
    }

    /** Jaccard similarity of two stored word forms, 0 when either is empty. */
    public static double jaccard(String a, String b) {
        Set<String> left = new TreeSet<>(Arrays.asList(a.split(" ")));
        Set<String> right = new TreeSet<>(Arrays.asList(b.split(" ")));
        left.remove("");
        right.remove("");
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        Set<String> both = new TreeSet<>(left);
        both.retainAll(right);
        return both.size() / (double) (left.size() + right.size() - both.size());
    }

    /** The best similarity of a new headline (with and without its suffix) to a stored word form. */
    public static double similarity(String title, String storedWords) {
        return Math.max(jaccard(of(title), storedWords), jaccard(withoutSuffix(title), storedWords));
    }

    /** How many words a stored word form has. */
    public static int count(String words) {
        return words.isEmpty() ? 0 : words.split(" ").length;
    }

    private static TreeSet<String> words(String title) {
        String folded = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "").replaceAll("['’]", "");
        TreeSet<String> words = new TreeSet<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}

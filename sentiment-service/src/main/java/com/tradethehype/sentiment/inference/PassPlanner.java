package com.tradethehype.sentiment.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the texts of the next forward pass from every waiting caller. Fairness first: each waiting caller,
 * oldest first, gets its shortest remaining text into the pass, so a one-text request is in the next pass however
 * much a big batch has queued ahead of it. Then the pass is filled by token count: texts no longer than the pass's
 * current width (no extra padding, longest first), then the shortest wider ones, while the pass stays within
 * {@code maxBatch} texts and {@code maxTokens} padded tokens (texts x longest) and, once it holds
 * {@link #MIN_TEXTS} texts, its padded tokens stay within {@code maxPadding} x its real tokens: a pass costs what
 * its padded tokens cost, so 32 headlines of random length (mean 28 tokens, longest ~55) padded to the longest cost
 * about twice their real tokens, while the longer ones in a pass of their own cost what they are.
 */
final class PassPlanner {

    /** A text chosen for a pass. */
    record Item(ScoringJob job, int index) {
        int length() {
            return job.length(index);
        }
    }

    /** Below this many texts a pass takes wider texts regardless of padding (tiny passes waste more). */
    static final int MIN_TEXTS = 8;

    private PassPlanner() {
    }

    /**
     * Takes the texts of one pass out of {@code waiting} (arrival order); never empty while something waits.
     * {@code share} caps the pass's real tokens (this worker's share when others are idle; the first text always).
     */
    static List<Item> plan(List<ScoringJob> waiting, int maxBatch, int maxTokens, double maxPadding, long share) {
        List<Item> pass = new ArrayList<>();
        int width = 0;
        int real = 0;
        for (ScoringJob job : waiting) {
            if (pass.size() == maxBatch) {
                break;
            }
            Item seed = new Item(job, job.shortestUntaken());
            int wider = Math.max(width, seed.length());
            if (!pass.isEmpty() && ((pass.size() + 1) * wider > maxTokens || real + seed.length() > share)) {
                break;
            }
            take(seed, pass);
            width = wider;
            real += seed.length();
        }
        List<Item> fits = new ArrayList<>();
        List<Item> longer = new ArrayList<>();
        for (ScoringJob job : waiting) {
            for (int index : job.untakenByLength()) {
                Item item = new Item(job, index);
                (item.length() <= width ? fits : longer).add(item);
            }
        }
        fits.sort(Comparator.comparingInt(Item::length).reversed()); // stable: older callers first among equals
        for (Item item : fits) {
            if (pass.size() == maxBatch || (pass.size() + 1) * width > maxTokens || real + item.length() > share) {
                break;
            }
            take(item, pass);
            real += item.length();
        }
        longer.sort(Comparator.comparingInt(Item::length));
        for (Item item : longer) {
            long padded = (long) (pass.size() + 1) * item.length();
            if (pass.size() == maxBatch || padded > maxTokens || real + item.length() > share
                    || (pass.size() >= MIN_TEXTS && padded > maxPadding * (real + item.length()))) {
                break;
            }
            take(item, pass);
            real += item.length();
        }
        return pass;
    }

    private static void take(Item item, List<Item> pass) {
        item.job().take(item.index());
        pass.add(item);
    }
}

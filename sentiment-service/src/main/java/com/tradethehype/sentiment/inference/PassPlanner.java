package com.tradethehype.sentiment.inference;

import java.util.ArrayList;
import java.util.Arrays;
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
 * about twice their real tokens, while the longer ones in a pass of their own cost what they are. While little waits,
 * {@link #split} instead cuts everything waiting into several passes of similar lengths for the workers to share.
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

    /** How many passes beyond one per worker {@link #split} considers when it balances the workers' ends. */
    static final int EXTRA_PASSES = 8;

    private PassPlanner() {
    }

    /** Takes the texts of one pass out of {@code waiting} (arrival order); never empty while something waits. */
    static List<Item> plan(List<ScoringJob> waiting, int maxBatch, int maxTokens, double maxPadding) {
        List<Item> pass = new ArrayList<>();
        int width = 0;
        int real = 0;
        for (ScoringJob job : waiting) {
            if (pass.size() == maxBatch) {
                break;
            }
            Item seed = new Item(job, job.shortestUntaken());
            int wider = Math.max(width, seed.length());
            if (!pass.isEmpty() && (pass.size() + 1) * wider > maxTokens) {
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
            if (pass.size() == maxBatch || (pass.size() + 1) * width > maxTokens) {
                break;
            }
            take(item, pass);
            real += item.length();
        }
        longer.sort(Comparator.comparingInt(Item::length));
        for (Item item : longer) {
            long padded = (long) (pass.size() + 1) * item.length();
            if (pass.size() == maxBatch || padded > maxTokens
                    || (pass.size() >= MIN_TEXTS && padded > maxPadding * (real + item.length()))) {
                break;
            }
            take(item, pass);
            real += item.length();
        }
        return pass;
    }

    /**
     * Takes every waiting text into passes for {@code workers} workers (this one and the idle ones) to run side by
     * side: at least one pass per worker (fewer only when fewer texts wait), costliest first. The texts are sorted by
     * length and cut into runs of similar length, where a pass costs {@code overheadTokens} plus its padded tokens
     * (texts x longest, rounded up to {@code lengthMultiple}): a 32-headline request becomes a few passes each padded
     * little, instead of two halves padded to their longest. Of the cheapest cuts into each number of passes (of
     * equally cheap ones, the one with the cheapest costliest pass; up to
     * {@link #EXTRA_PASSES} more than the workers), the one whose passes, each taken by the first free worker, end
     * soonest wins (the cheaper on a tie): the cheapest cut alone can leave one worker idle while the other runs a
     * long last pass (16 short and 16 long texts: 544 padded tokens of work on the busier worker against 410; on the
     * bench's 32-headline requests the workers' busy share did not move measurably). Each pass stays within
     * {@code maxBatch} texts and {@code maxTokens} padded tokens (one text always fits).
     */
    static List<List<Item>> split(List<ScoringJob> waiting, int workers, int maxBatch, int maxTokens,
                                  int lengthMultiple, int overheadTokens) {
        List<Item> items = new ArrayList<>();
        for (ScoringJob job : waiting) {
            for (int index : job.untakenByLength()) {
                items.add(new Item(job, index));
            }
        }
        items.sort(Comparator.comparingInt(Item::length)); // stable: older callers first among equals
        int n = items.size();
        int least = Math.max(1, Math.min(workers, n));
        int most = Math.min(n, least + EXTRA_PASSES);
        // cost[k][i]: cheapest cut of the first i texts into k passes (k = most: that many or more), of equally cheap
        // ones the one whose costliest pass (peak[k][i]) is cheapest; start[k][i] and before[k][i]: where that cut's
        // last pass starts and how many passes come before it
        long[][] cost = new long[most + 1][n + 1];
        long[][] peak = new long[most + 1][n + 1];
        int[][] start = new int[most + 1][n + 1];
        int[][] before = new int[most + 1][n + 1];
        for (long[] row : cost) {
            Arrays.fill(row, Long.MAX_VALUE);
        }
        cost[0][0] = 0;
        for (int i = 1; i <= n; i++) {
            int width = SentimentTranslator.paddedLength(items.get(i - 1).length(), lengthMultiple);
            for (int j = i - 1; j >= 0; j--) {
                int texts = i - j;
                if (texts > 1 && (texts > maxBatch || (long) texts * width > maxTokens)) {
                    break;
                }
                long pass = overheadTokens + (long) texts * width;
                for (int k = 0; k <= most; k++) {
                    if (cost[k][j] == Long.MAX_VALUE) {
                        continue;
                    }
                    int next = Math.min(most, k + 1);
                    long total = cost[k][j] + pass;
                    long highest = Math.max(peak[k][j], pass);
                    if (total < cost[next][i] || (total == cost[next][i] && highest < peak[next][i])) {
                        cost[next][i] = total;
                        peak[next][i] = highest;
                        start[next][i] = j;
                        before[next][i] = k;
                    }
                }
            }
        }
        int best = -1;
        long bestEnd = Long.MAX_VALUE;
        for (int k = least; k <= most; k++) {
            if (cost[k][n] == Long.MAX_VALUE) {
                continue;
            }
            long[] passCosts = runs(start, before, k, n).stream()
                    .mapToLong(run -> overheadTokens + (long) (run[1] - run[0])
                            * SentimentTranslator.paddedLength(items.get(run[1] - 1).length(), lengthMultiple))
                    .toArray();
            long end = end(passCosts, least);
            if (end < bestEnd || (end == bestEnd && cost[k][n] < cost[best][n])) {
                best = k;
                bestEnd = end;
            }
        }
        List<List<Item>> plan = new ArrayList<>();
        for (int[] run : runs(start, before, best, n)) {
            List<Item> pass = new ArrayList<>(items.subList(run[0], run[1]));
            pass.forEach(item -> item.job().take(item.index()));
            plan.add(pass);
        }
        plan.sort(Comparator.comparingLong((List<Item> pass) -> (long) pass.size()
                * SentimentTranslator.paddedLength(pass.get(pass.size() - 1).length(), lengthMultiple)).reversed());
        return plan;
    }

    /** The passes ({@code [from, to)} in the sorted texts) of the cut into k passes of the first n texts. */
    private static List<int[]> runs(int[][] start, int[][] before, int k, int n) {
        List<int[]> runs = new ArrayList<>();
        for (int passes = k, i = n; i > 0; ) {
            int j = start[passes][i];
            runs.add(new int[] {j, i});
            passes = before[passes][i];
            i = j;
        }
        return runs;
    }

    /** When the last of these passes ends if each, costliest first, goes to whichever of the workers is free first. */
    static long end(long[] passCosts, int workers) {
        long[] sorted = passCosts.clone();
        Arrays.sort(sorted);
        long[] busyUntil = new long[workers];
        for (int p = sorted.length - 1; p >= 0; p--) {
            int first = 0;
            for (int w = 1; w < workers; w++) {
                if (busyUntil[w] < busyUntil[first]) {
                    first = w;
                }
            }
            busyUntil[first] += sorted[p];
        }
        return Arrays.stream(busyUntil).max().orElse(0);
    }

    private static void take(Item item, List<Item> pass) {
        item.job().take(item.index());
        pass.add(item);
    }
}

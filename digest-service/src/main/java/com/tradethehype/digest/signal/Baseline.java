package com.tradethehype.digest.signal;

/**
 * A ticker's daily mentions before the window, against which the window's mentions are judged.
 *
 * @param historyDays days of history the system has (at most the configured baseline days)
 * @param fullDays    the configured baseline days (7)
 * @param mean        mean daily mentions over the history days; null while too few days exist
 * @param std         their standard deviation (before the floor); null while too few days exist
 * @param zScore      (mentions - mean) / max(std, floor, sqrt(mean)); null while too few days exist
 */
public record Baseline(int historyDays, int fullDays, Double mean, Double std, Double zScore) {

    /** True while the history is shorter than the full baseline. */
    public boolean building() {
        return historyDays < fullDays;
    }

    /**
     * The baseline of a ticker with {@code mentions} in the window and {@code daily} mentions on each of the
     * {@code historyDays} previous days (missing days are zero mentions), or a building one without numbers.
     */
    public static Baseline of(int mentions, int[] daily, int historyDays, int fullDays, int minDays, double minStd) {
        if (historyDays < minDays) {
            return new Baseline(historyDays, fullDays, null, null, null);
        }
        double sum = 0;
        for (int d = 0; d < historyDays; d++) {
            sum += daily[d];
        }
        double mean = sum / historyDays;
        double squares = 0;
        for (int d = 0; d < historyDays; d++) {
            squares += (daily[d] - mean) * (daily[d] - mean);
        }
        double std = historyDays > 1 ? Math.sqrt(squares / (historyDays - 1)) : 0;
        double spread = Math.max(std, Math.max(minStd, Math.sqrt(mean)));
        return new Baseline(historyDays, fullDays, mean, std, (mentions - mean) / spread);
    }
}

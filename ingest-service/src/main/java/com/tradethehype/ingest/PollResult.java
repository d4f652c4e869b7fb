package com.tradethehype.ingest;

/**
 * What one poll of one source did. Unless FAILED,
 * {@code fetched = published + duplicates + merged + withoutTickers + cryptoOnly + invalid}.
 *
 * @param fetched        items in the feed
 * @param published      items sent to SQS for the first time
 * @param duplicates     items published before (same canonical URL, by this or another source)
 * @param merged         items whose headline matched an article another source published: recorded as its source
 * @param withoutTickers items about no stock we could tell, so not published
 * @param cryptoOnly     items about crypto only (their crypto mentions dropped, no stock left), not published
 * @param invalid        items without a usable http(s) link or title
 * @param failure        what failed ({@code fetch}, {@code content}, {@code parse}, {@code publish},
 *                       {@code internal}), or null
 * @param error          why the poll failed, or null
 */
public record PollResult(String source, PollStatus status, int fetched, int published, int duplicates, int merged,
                         int withoutTickers, int cryptoOnly, int invalid, String failure, String error) {

    public static PollResult unchanged(String source) {
        return new PollResult(source, PollStatus.UNCHANGED, 0, 0, 0, 0, 0, 0, 0, null, null);
    }
}

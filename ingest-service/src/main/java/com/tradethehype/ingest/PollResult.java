package com.tradethehype.ingest;

/**
 * What one poll of one source did. When OK, {@code fetched = published + duplicates + withoutTickers + invalid}.
 *
 * @param fetched        items in the feed
 * @param published      items sent to SQS for the first time
 * @param duplicates     items published before (by this or another source)
 * @param withoutTickers items about no stock we could tell, so not published
 * @param invalid        items without a usable http(s) link or title
 * @param error          why the poll failed, or null
 */
public record PollResult(String source, PollStatus status, int fetched, int published, int duplicates,
                         int withoutTickers, int invalid, String error) {

    public static PollResult unchanged(String source) {
        return new PollResult(source, PollStatus.UNCHANGED, 0, 0, 0, 0, 0, null);
    }
}

package com.tradethehype.ingest.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.NormalisedItem;
import com.tradethehype.ingest.ParsedFeed;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.extraction.UniverseTickerExtractor;
import com.tradethehype.ingest.feed.FeedParser;
import com.tradethehype.ingest.feed.FeedReader;
import com.tradethehype.ingest.feed.SocialParser;
import com.tradethehype.ingest.fetch.FeedFetcher.Fetched;
import com.tradethehype.ingest.normalise.ArticleNormaliser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parse + normalise + extract on one thread over every recorded and hand-written feed fixture, as a poll does it
 * (content check, StAX or JSON parse, HTML to text, canonical URL and id, universe ticker extraction). Not a timed
 * test: run by {@code bench/ingest-bench.sh}, figures in the module README.
 */
@Tag("bench")
class IngestThroughputBench {

    private static final String[][] FEEDS = {
            {"yahoo_finance_headline_msft_rss_2020-08-01.xml", Source.KIND_RSS},
            {"google_news_rss_search_msft_de_2020-08-01.repaired.xml", Source.KIND_RSS},
            {"google_news_rss_wrapped_links_handwritten.xml", Source.KIND_RSS},
            {"sec_edgar_browse_getcompany_atom_maquia.xml", Source.KIND_RSS},
            {"sec_press_releases_handwritten.xml", Source.KIND_RSS},
            {"hostile_html_headline.xml", Source.KIND_RSS},
            {"stocktwits_streams_symbol_F_2019-04-26.json", Source.KIND_STOCKTWITS},
            {"reddit_wallstreetbets_new_handwritten.json", Source.KIND_REDDIT}};

    private record Feed(Source source, Fetched fetched) {
    }

    @Test
    void parseNormaliseAndExtractItemsPerSecondOnOneThread() throws IOException {
        ObjectMapper json = new ObjectMapper();
        long loadStart = System.nanoTime();
        UniverseTickerExtractor extractor = new UniverseTickerExtractor(json);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        FeedReader reader = new FeedReader(new FeedParser(), new SocialParser(json));
        ArticleNormaliser normaliser = new ArticleNormaliser();
        List<Feed> feeds = new ArrayList<>();
        for (String[] feed : FEEDS) {
            try (InputStream in = IngestThroughputBench.class.getResourceAsStream("/fixtures/" + feed[0])) {
                Source source = new Source(feed[0], URI.create("http://127.0.0.1/" + feed[0]), feed[1], true, List.of(),
                        Optional.empty(), 1, false);
                String type = feed[1].equals(Source.KIND_RSS) ? "application/rss+xml" : "application/json";
                feeds.add(new Feed(source, new Fetched(in.readAllBytes(), null, type)));
            }
        }
        run(feeds, reader, normaliser, extractor, 3_000_000_000L); // warm up the JIT
        long[] counts = run(feeds, reader, normaliser, extractor, 10_000_000_000L);
        double seconds = counts[2] / 1e9;
        String figures = String.format("parse+normalise+extract: %d items in %.1f s = %.0f items/s on one thread "
                        + "(%d feeds per round, %d items per round, %d ticker mentions found); universe load %d ms (warm JVM: "
                        + "see the service log line 'Ticker universe' for a cold start)%n", counts[0], seconds,
                counts[0] / seconds, feeds.size(), counts[0] / counts[3], counts[1], loadMillis);
        Bench.report(figures);
        assertTrue(counts[0] > 0);
    }

    /** Rounds over all feeds until {@code nanos} pass: items, tickers, elapsed nanoseconds, rounds. */
    private static long[] run(List<Feed> feeds, FeedReader reader, ArticleNormaliser normaliser,
                              UniverseTickerExtractor extractor, long nanos) {
        long items = 0;
        long tickers = 0;
        long rounds = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            for (Feed feed : feeds) {
                ParsedFeed parsed = reader.read(feed.source(), feed.fetched());
                for (FeedItem item : parsed.items()) {
                    Optional<NormalisedItem> normalised = normaliser.normalise(item);
                    if (normalised.isPresent()) {
                        tickers += extractor.extract(normalised.get().text(), List.of()).mentions().size();
                    }
                    items++;
                }
            }
            rounds++;
        }
        return new long[] {items, tickers, System.nanoTime() - start, rounds};
    }

    /** Where the figures go: the log and {@code target/bench-results.txt}. */
    static final class Bench {
        static void report(String line) throws IOException {
            io.quarkus.logging.Log.info(line.strip());
            Path file = Path.of("target", "bench-results.txt");
            Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }
}

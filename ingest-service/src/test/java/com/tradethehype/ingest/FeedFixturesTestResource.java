package com.tradethehype.ingest;

import com.tradethehype.devstack.FeedServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Serves the feed fixtures over loopback HTTP with {@link FeedServer} and configures one source per scenario,
 * so every test reads feeds through the real network path and all tests share one Quarkus start.
 */
public class FeedFixturesTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String YAHOO = "yahoo-msft";
    public static final String YAHOO_MIRROR = "yahoo-msft-mirror";
    public static final String GOOGLE = "google-msft";
    public static final String SEC = "sec-maquia";
    public static final String HOSTILE = "hostile-html";
    public static final String XXE = "xxe";
    public static final String OVERSIZE = "oversize";
    public static final String MISSING = "missing";
    public static final String PAUSED = "paused";
    public static final String STOCKTWITS = "stocktwits-f";
    public static final String REDDIT = "reddit-wsb";
    public static final String GOOGLE_WRAPPED = "google-wrapped";
    public static final String SEC_PRESS = "sec-press";
    public static final String EMPTY = "empty";
    /** Every source the scheduler and POST /sources/poll poll, sorted. */
    public static final List<String> ENABLED = List.of(EMPTY, GOOGLE, GOOGLE_WRAPPED, HOSTILE, MISSING, OVERSIZE,
            REDDIT, SEC, SEC_PRESS, STOCKTWITS, XXE, YAHOO, YAHOO_MIRROR);

    static final String YAHOO_FILE = "yahoo_finance_headline_msft_rss_2020-08-01.xml";
    static final String GOOGLE_FILE = "google_news_rss_search_msft_de_2020-08-01.repaired.xml";
    static final String SEC_FILE = "sec_edgar_browse_getcompany_atom_maquia.xml";
    static final String HOSTILE_FILE = "hostile_html_headline.xml";
    static final String XXE_FILE = "xxe_file_passwd.xml";
    static final String STOCKTWITS_FILE = "stocktwits_streams_symbol_F_2019-04-26.json";
    static final String REDDIT_FILE = "reddit_wallstreetbets_new_handwritten.json";
    static final String GOOGLE_WRAPPED_FILE = "google_news_rss_wrapped_links_handwritten.xml";
    static final String SEC_PRESS_FILE = "sec_press_releases_handwritten.xml";
    static final String EMPTY_FILE = "empty_feed.xml";

    private Path folder;
    private FeedServer server;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("tth-feeds");
            for (String file : List.of(YAHOO_FILE, GOOGLE_FILE, SEC_FILE, HOSTILE_FILE, XXE_FILE, STOCKTWITS_FILE,
                    REDDIT_FILE, GOOGLE_WRAPPED_FILE, SEC_PRESS_FILE, EMPTY_FILE)) {
                try (InputStream in = FeedFixturesTestResource.class.getResourceAsStream("/fixtures/" + file)) {
                    Files.copy(in, folder.resolve(file));
                }
            }
            // the same articles under another URL: only the database can tell they were published already
            Files.copy(folder.resolve(YAHOO_FILE), folder.resolve("yahoo_mirror.xml"));
            writeOversizedFeed(folder.resolve("oversize.xml"));
            server = FeedServer.serve(folder, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        source(config, YAHOO, YAHOO_FILE).put("ingest.sources." + YAHOO + ".tickers", "MSFT");
        source(config, YAHOO_MIRROR, "yahoo_mirror.xml").put("ingest.sources." + YAHOO_MIRROR + ".tickers", "msft");
        source(config, GOOGLE, GOOGLE_FILE);
        source(config, SEC, SEC_FILE).put("ingest.sources." + SEC + ".tickers", "MAQC");
        source(config, HOSTILE, HOSTILE_FILE);
        source(config, XXE, XXE_FILE);
        source(config, OVERSIZE, "oversize.xml");
        source(config, MISSING, "no-such-feed.xml");
        source(config, PAUSED, YAHOO_FILE).put("ingest.sources." + PAUSED + ".enabled", "false");
        source(config, STOCKTWITS, STOCKTWITS_FILE).put("ingest.sources." + STOCKTWITS + ".kind", "stocktwits");
        source(config, REDDIT, REDDIT_FILE).put("ingest.sources." + REDDIT + ".kind", "reddit");
        config.put("ingest.sources." + REDDIT + ".weight", "0.5");
        source(config, GOOGLE_WRAPPED, GOOGLE_WRAPPED_FILE);
        source(config, SEC_PRESS, SEC_PRESS_FILE);
        source(config, EMPTY, EMPTY_FILE);
        // one source per symbol: tpl-msft and tpl-brk-b, each about its symbol
        config.put("ingest.sources.tpl.url", server.url("headline") + "?s={ticker}&region=US");
        config.put("ingest.sources.tpl.tickers", "MSFT,BRK-B");
        config.put("ingest.sources.tpl.enabled", "false");
        return config;
    }

    private Map<String, String> source(Map<String, String> config, String name, String file) {
        config.put("ingest.sources." + name + ".url", server.url(file));
        return config;
    }

    /** A well-formed feed just over the default 5 MB limit. */
    private static void writeOversizedFeed(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><!-- ");
            String padding = "x".repeat(1024);
            for (int i = 0; i < 5 * 1024 + 1; i++) {
                out.write(padding);
            }
            out.write(" --></channel></rss>\n");
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package com.tradethehype.digest.bench;

import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.digest.MailServerResource;
import com.tradethehype.digest.service.DigestDays;
import com.tradethehype.digest.service.DigestSender;
import com.tradethehype.digest.service.SendReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The digest's speed targets, on real PostgreSQL and a real SMTP server: signals for 5,000 tickers over 7 days of
 * 200,000 articles in <= 10 s; the digest rendered and handed to SMTP for 10,000 subscribers in <= 60 s, with the
 * memory it took. Run by {@code bench/digest-bench.sh}; skipped in the normal test run.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(MailServerResource.class)
@EnabledIfSystemProperty(named = "tth.bench", matches = "true")
class DigestBenchmark {

    static final LocalDate DATE = LocalDate.parse("2030-01-10");
    static final int TICKERS = Integer.getInteger("tth.bench.tickers", 5_000);
    static final int ARTICLES = Integer.getInteger("tth.bench.articles", 200_000);
    static final int SUBSCRIBERS = Integer.getInteger("tth.bench.subscribers", 10_000);

    @Inject
    Pool pool;
    @Inject
    DigestDays days;
    @Inject
    DigestSender sender;

    @Test
    void signalsAndSendingAtScale() throws Exception {
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        seed();
        lines.add(String.format("seeded %,d articles over 8 days for %,d tickers (+ scores) in %.1f s", ARTICLES,
                TICKERS, seconds(t0)));

        List<Double> computes = new ArrayList<>();
        int signals = 0;
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            var day = days.recompute(DATE).await().atMost(Duration.ofMinutes(5));
            computes.add(seconds(t));
            signals = day.result().signals().size();
        }
        lines.add(String.format("signals computed and stored: %s s (runs 1-3; %d signals, target <= 10 s)",
                computes.stream().map(s -> String.format("%.2f", s)).toList(), signals));

        pool.query("INSERT INTO digest.subscriber (email, watchlist) SELECT 'bench-' || g || '@example.com', "
                + "ARRAY['T' || (g % " + TICKERS + "), 'T' || ((g * 7) % " + TICKERS + "), 'ZZZZ'] "
                + "FROM generate_series(1, " + SUBSCRIBERS + ") g").execute().await().atMost(Duration.ofMinutes(1));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        AtomicLong peakHeap = new AtomicLong(heapBefore);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        SendReport report = sender.send(DATE);
        double sendSeconds = seconds(t);
        sampler.interrupt();
        lines.add(String.format("mailed %,d subscribers (%d unsent) in %.1f s = %.0f mails/s (target <= 60 s)",
                report.sent(), report.unsent(), sendSeconds, report.sent() / sendSeconds));
        lines.add(String.format("JVM heap used: %d MiB before sending, peak %d MiB while sending (sampled every 50 ms;"
                        + " the same JVM holds GreenMail's %,d received mails); RSS high-water mark %s; -Xmx %d MiB",
                heapBefore >> 20, peakHeap.get() >> 20, report.sent(), rssPeak(), rt.maxMemory() >> 20));
        lines.add("JVM " + ManagementFactory.getRuntimeMXBean().getVmVersion() + ", "
                + rt.availableProcessors() + " processors");
        Path out = Path.of(System.getProperty("tth.bench.out", "target/digest-bench.txt"));
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    /** 8 days of articles (7 of baseline + the window), Zipf-like across tickers, 12 sources, random scores. */
    private void seed() {
        pool.query("""
                INSERT INTO digest.article (article_id, source, url, title, summary, lang, published_at, fetched_at,
                                            stored_at)
                SELECT 'b' || g, 'source-' || mod(g, 12), 'https://news.example.com/' || g,
                       'Headline number ' || g || ' about a company', '', 'en', t, t, t
                FROM (SELECT g, timestamptz '2030-01-10 13:30:00+00' - (random() * interval '8 days') AS t
                      FROM generate_series(1, %d) g) x""".formatted(ARTICLES))
                .execute().await().atMost(Duration.ofMinutes(5));
        pool.query("""
                INSERT INTO digest.article_ticker (article_id, ticker)
                SELECT 'b' || g, 'T' || floor(%d * power(random(), 2))::int FROM generate_series(1, %d) g
                ON CONFLICT DO NOTHING""".formatted(TICKERS, ARTICLES))
                .execute().await().atMost(Duration.ofMinutes(5));
        pool.query("""
                INSERT INTO digest.article_score (article_id, model_id, model_version, positive, negative, neutral,
                                                  label, score, scored_at)
                SELECT id, 'tth-finbert-mini', '2', p, n, 1 - p - n,
                       CASE WHEN p >= n AND p >= 1 - p - n THEN 'positive' WHEN n >= 1 - p - n THEN 'negative'
                            ELSE 'neutral' END, p - n, now()
                FROM (SELECT 'b' || g AS id, random() * 0.5 AS p, random() * 0.5 AS n
                      FROM generate_series(1, %d) g) x""".formatted(ARTICLES))
                .execute().await().atMost(Duration.ofMinutes(5));
        pool.query("ANALYZE digest.article; ANALYZE digest.article_ticker; ANALYZE digest.article_score")
                .execute().await().atMost(Duration.ofMinutes(1));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String rssPeak() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }
}

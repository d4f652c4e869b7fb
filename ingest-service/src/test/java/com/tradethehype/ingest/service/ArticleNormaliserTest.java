package com.tradethehype.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.NormalisedItem;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleNormaliserTest {

    private final ArticleNormaliser normaliser = new ArticleNormaliser();

    @Test
    void headlineMarkupBecomesPlainTextAndScriptContentIsDropped() {
        assertEquals("Apple & rallies", ArticleNormaliser.plainText("<b>Apple</b> &amp; <script>alert(1)</script> rallies"));
        assertEquals("a b c", ArticleNormaliser.plainText("  a\u00a0\u00a0b \n\t c  "));
        assertEquals("AT&T < 5% — “quoted”", ArticleNormaliser.plainText("AT&amp;T &lt; 5% &mdash; &ldquo;quoted&rdquo;"));
        assertEquals("", ArticleNormaliser.plainText(null));
    }

    @Test
    void canonicalUrlDropsTrackingParametersAndFragmentAndLowerCasesSchemeAndHost() {
        assertEquals(Optional.of("https://example.com/a/B.html?id=42&page=2"), CanonicalUrl.of(
                "HTTPS://Example.COM:443/a/B.html?utm_source=rss&id=42&fbclid=x&UTM_Campaign=y&page=2#comments"));
        assertEquals(Optional.of("https://finance.yahoo.com/news/x.html"),
                CanonicalUrl.of(" https://finance.yahoo.com/news/x.html?.tsrc=rss "));
        assertEquals(Optional.of("http://example.com:8080/"), CanonicalUrl.of("http://example.com:8080"));
        assertEquals(Optional.of("https://example.com/is-it%3F.html?q=a%20b"),
                CanonicalUrl.of("https://example.com/is-it%3F.html?q=a%20b"));
    }

    @Test
    void linksThatAreNotAbsoluteHttpUrlsHaveNoCanonicalForm() {
        assertEquals(Optional.empty(), CanonicalUrl.of("/relative/path"));
        assertEquals(Optional.empty(), CanonicalUrl.of("javascript:alert(1)"));
        assertEquals(Optional.empty(), CanonicalUrl.of("ftp://example.com/file"));
        assertEquals(Optional.empty(), CanonicalUrl.of("urn:uuid:719429c8-0b4f-3880-b287-c6d4b2ae0241"));
        assertEquals(Optional.empty(), CanonicalUrl.of(null));
    }

    @Test
    void articleIdIsTheSha256OfTheCanonicalUrl() {
        // sha256("https://example.com/") computed independently with sha256sum
        assertEquals("0f115db062b7c0dd030b16878c99dea5c354b49dc37b38eb8846179c7783e9d7",
                ArticleNormaliser.articleId("https://example.com/"));
        NormalisedItem item = normaliser.normalise(new FeedItem("T", "https://EXAMPLE.com/?utm_medium=x#top", null,
                null, null)).orElseThrow();
        assertEquals(ArticleNormaliser.articleId("https://example.com/"), item.articleId());
        assertEquals("", item.summary());
    }

    @Test
    void itemsWithoutLinkOrTitleTextAreUnusable() {
        assertTrue(normaliser.normalise(new FeedItem("Title", null, "s", null, "guid")).isEmpty());
        assertTrue(normaliser.normalise(new FeedItem("<img src=x>", "https://example.com/a", "s", null, null)).isEmpty());
    }

    @Test
    void overlongTextIsCutAtAWordBoundary() {
        String summary = "word ".repeat(1000);
        NormalisedItem item = normaliser.normalise(new FeedItem("T", "https://example.com/a", summary,
                Instant.EPOCH, null)).orElseThrow();
        assertTrue(item.summary().length() <= ArticleNormaliser.MAX_SUMMARY_CHARS, "length " + item.summary().length());
        assertTrue(item.summary().endsWith("word…"), item.summary().substring(item.summary().length() - 10));
        assertEquals(Instant.EPOCH, item.publishedAt());
    }
}

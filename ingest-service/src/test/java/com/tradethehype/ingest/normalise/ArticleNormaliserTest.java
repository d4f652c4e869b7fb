package com.tradethehype.ingest.normalise;

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
    void headlineMarkupBecomesPlainTextAndAScriptStaysLiteralText() {
        assertEquals("Apple & <script>alert(1)</script> rallies",
                ArticleNormaliser.plainText("<b>Apple</b> &amp; <script>alert(1)</script> rallies"));
        assertEquals("Why an unclosed <script> tag cannot swallow the rest of a $AAPL headline",
                ArticleNormaliser.plainText("Why an unclosed <script> tag cannot swallow the rest of a $AAPL headline"));
        assertEquals("Styles: <style>p{}</style> and <textarea>x & y</textarea> stay",
                ArticleNormaliser.plainText("Styles: <style>p{}</style> and <textarea>x &amp; y</textarea> stay"));
        assertEquals("Shares rose 3% after earnings.", ArticleNormaliser.plainText(
                "<p>Shares <a href=\"https://x\">rose</a>&nbsp;3% <img src=x onerror=\"alert(2)\">after <i>earnings</i>.</p>"));
        assertEquals("one two", ArticleNormaliser.plainText("<p>one</p><p>two</p><!-- hidden -->"));
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
    void redirectWrappersBecomeTheArticleTheyPointTo() {
        assertEquals(Optional.of("http://www.ims-magazin.de/microsoft-nasdaq-msft-bei-bidaskclub-zu-strong-buy-aufgestockt-48972/"),
                CanonicalUrl.of("https://news.google.com/rss/articles/CBMiX2h0dHA6Ly93d3cuaW1zLW1hZ2F6aW4uZGUvbWljcm9zb2Z0LW5h"
                        + "c2RhcS1tc2Z0LWJlaS1iaWRhc2tjbHViLXp1LXN0cm9uZy1idXktYXVmZ2VzdG9ja3QtNDg5NzIv0gEA?oc=5"));
        String opaque = "https://news.google.com/rss/articles/CBMiK0FVX3lxTE1vcGFxdWVpZGVudGlmaWVyZm9ybWF0bm90cmVjb3ZlcmFibGU";
        assertEquals(Optional.of(opaque), CanonicalUrl.of(opaque + "?oc=5"), "newer ids hold no URL: kept as they are");
        assertEquals(Optional.of("https://example.com/a?id=1"),
                CanonicalUrl.of("https://www.google.com/url?rct=j&q=&url=https%3A%2F%2Fexample.com%2Fa%3Fid%3D1%26utm_source%3Dx"));
        assertEquals(Optional.of("https://example.com/b"),
                CanonicalUrl.of("https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&url=https%3a%2f%2fexample.com%2fb&c=1"));
        assertEquals(Optional.of("https://example.com/c"),
                CanonicalUrl.of("https://r.search.yahoo.com/_ylt=A0/RV=2/RE=1/RO=10/RU=https%3a%2f%2fexample.com%2fc/RK=2/RS=x-"));
        assertEquals(Optional.of("https://news.google.com/rss/articles/not-base64!"),
                CanonicalUrl.of("https://news.google.com/rss/articles/not-base64!"));
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

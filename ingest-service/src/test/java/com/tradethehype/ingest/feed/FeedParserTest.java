package com.tradethehype.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.devstack.FeedServer;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ParsedFeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsRss2ItemsOfTheYahooFeed() throws IOException {
        ParsedFeed feed = parser.parse("yahoo-msft", fixture("yahoo_finance_headline_msft_rss_2020-08-01.xml"));
        assertNull(feed.language());
        assertEquals(2, feed.items().size());
        FeedItem nvidia = feed.items().get(1);
        assertEquals("Is NVIDIA a Buy?", nvidia.title());
        assertEquals("https://finance.yahoo.com/m/719429c8-0b4f-3880-b287-c6d4b2ae0241/is-nvidia-a-buy%3F.html?.tsrc=rss",
                nvidia.link());
        assertEquals(Instant.parse("2020-08-01T14:48:00Z"), nvidia.publishedAt());
        assertEquals("719429c8-0b4f-3880-b287-c6d4b2ae0241", nvidia.guid());
        assertTrue(feed.items().get(0).summary().startsWith("(Bloomberg) -- The Trump administration"));
    }

    @Test
    void readsAtomEntriesOfTheIso88591SecEdgarFeedIgnoringTheCompanyBlock() throws IOException {
        ParsedFeed feed = parser.parse("sec", fixture("sec_edgar_browse_getcompany_atom_maquia.xml"));
        assertEquals(5, feed.items().size());
        FeedItem first = feed.items().get(0);
        assertEquals("S-1/A [Amend]  - General form for registration of securities under the Securities Act of 1933",
                first.title());
        assertEquals("https://www.sec.gov/Archives/edgar/data/1844419/000110465921057704/0001104659-21-057704-index.htm",
                first.link());
        assertEquals(" <b>Filed:</b> 2021-04-29 <b>AccNo:</b> 0001104659-21-057704 <b>Size:</b> 1 MB", first.summary());
        assertEquals(Instant.parse("2021-04-29T20:45:49Z"), first.publishedAt());
        assertEquals("urn:tag:sec.gov,2008:accession-number=0001104659-21-057704", first.guid());
        assertEquals("S-1  - General form for registration of securities under the Securities Act of 1933",
                feed.items().get(4).title());
    }

    @Test
    void letsTheXmlDeclarationDecideTheEncoding() {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + "xml:lang=\"fr-CA\"><entry><title>Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u00a3 r\u00e9sultats</title>"
                + "<link rel=\"self\" href=\"https://example.com/self\"/><link href=\"https://example.com/fr\"/>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Texte</p></div></content>"
                + "<published>2024-03-01T09:30:00+01:00</published><updated>2024-03-02T00:00:00Z</updated></entry></feed>";
        ParsedFeed feed = parser.parse("latin1", xml.getBytes(StandardCharsets.ISO_8859_1));
        FeedItem entry = feed.items().get(0);
        assertEquals("Soci\u00e9t\u00e9 G\u00e9n\u00e9rale \u00a3 r\u00e9sultats", entry.title());
        assertEquals("https://example.com/fr", entry.link(), "the alternate link wins over rel=self");
        assertEquals("Texte", entry.summary().trim());
        assertEquals(Instant.parse("2024-03-01T08:30:00Z"), entry.publishedAt(), "published wins over updated");
        assertEquals("fr", feed.language());
    }

    @Test
    void rejectsAFeedWithAnExternalEntityNamingTheSource() throws IOException {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse("xxe-source", fixture("xxe_file_passwd.xml")));
        assertTrue(e.getMessage().contains("xxe-source"), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void neverFetchesAnExternalDtd(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("evil.dtd"), "<!ENTITY leak SYSTEM \"file:///etc/hostname\">");
        try (FeedServer server = FeedServer.serve(folder, 0)) {
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + server.url("evil.dtd") + "\">"
                    + "<rss version=\"2.0\"><channel><item><title>$AAPL &leak;</title></item></channel></rss>";
            assertThrows(FeedParseException.class, () -> parser.parse("dtd", xml.getBytes(StandardCharsets.UTF_8)));
            assertEquals(0, server.requests());
        }
    }

    @Test
    void rejectsDocumentsThatAreNotFeedsOrNotWellFormed() {
        FeedParseException html = assertThrows(FeedParseException.class,
                () -> parser.parse("html", "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.getMessage().contains("root element <html>"), html.getMessage());
        FeedParseException truncated = assertThrows(FeedParseException.class, () -> parser.parse("cut",
                "<rss version=\"2.0\"><channel><item><title>A</title></item>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(truncated.getMessage().startsWith("Feed of source cut rejected: not well-formed XML"),
                truncated.getMessage());
        assertThrows(FeedParseException.class, () -> parser.parse("empty", new byte[0]));
    }

    @Test
    void usesAPermalinkGuidWhenAnItemHasNoLinkAndToleratesOddDates() {
        String xml = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<language>en-us</language>"
                + "<item><title>A</title><guid>https://example.com/a</guid><pubDate>Mon, 4 Mar 2024 09:05:00 EST</pubDate></item>"
                + "<item><title>B</title><guid isPermaLink=\"false\">b-1</guid><dc:date>2024-03-04T10:00:00Z</dc:date></item>"
                + "<item><title>C</title><link>https://example.com/c</link><pubDate>yesterday</pubDate></item>"
                + "</channel></rss>";
        ParsedFeed feed = parser.parse("odd", xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("en", feed.language());
        assertEquals("https://example.com/a", feed.items().get(0).link());
        assertEquals(Instant.parse("2024-03-04T14:05:00Z"), feed.items().get(0).publishedAt());
        assertNull(feed.items().get(1).link());
        assertEquals(Instant.parse("2024-03-04T10:00:00Z"), feed.items().get(1).publishedAt());
        assertNull(feed.items().get(2).publishedAt());
    }
}

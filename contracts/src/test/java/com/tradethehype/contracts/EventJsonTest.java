package com.tradethehype.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form on the queues, configured as Quarkus configures its ObjectMapper. */
class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ArticleIngested ingested = new ArticleIngested(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "yahoo-msft",
            "https://finance.yahoo.com/news/microsoft-talks.html", "Microsoft pauses TikTok talks",
            "Microsoft Corp. declined to comment.", Instant.parse("2020-08-01T14:05:00Z"),
            Instant.parse("2020-08-01T14:07:30Z"), List.of("MSFT"), "en");

    @Test
    void articleIngestedSurvivesRoundTrip() throws Exception {
        String text = json.writeValueAsString(ingested);
        assertEquals(ingested, json.readValue(text, ArticleIngested.class));
    }

    @Test
    void articleIngestedWireFormatUsesArchitectureFieldNames() throws Exception {
        JsonNode node = json.readTree(json.writeValueAsString(ingested));
        List<String> names = List.of("articleId", "source", "url", "title", "summary", "publishedAt",
                "fetchedAt", "tickers", "lang", "evidence", "authorSentiment", "undated");
        names.forEach(n -> assertTrue(node.has(n), n));
        assertEquals(names.size(), node.size(), "no extra fields: " + node);
        assertEquals("2020-08-01T14:05:00Z", node.get("publishedAt").asText());
        assertEquals("MSFT", node.get("tickers").get(0).asText());
        assertTrue(node.get("evidence").isArray());
        assertTrue(node.get("authorSentiment").isNull());
        assertFalse(node.get("undated").asBoolean());
        assertTrue(node.get("undated").isBoolean());
    }

    @Test
    void anUndatedArticleSaysSoOnTheWireAndCarriesWhenItWasFirstSeen() throws Exception {
        var undated = new ArticleIngested("id", "sec-press", "https://sec.gov/p/1", "SEC charges", "", null,
                Instant.parse("2026-12-01T09:00:00Z"), List.of("F"), "en", List.of(), null, false);
        assertTrue(undated.undated());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), undated.publishedAt());
        JsonNode node = json.readTree(json.writeValueAsString(undated));
        assertTrue(node.get("undated").asBoolean());
        assertEquals("2026-12-01T09:00:00Z", node.get("publishedAt").asText());
        assertEquals(undated, json.readValue(node.toString(), ArticleIngested.class));
    }

    @Test
    void aDatedArticleIsNotUndatedEvenWhenItsDateEqualsFetchedAt() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        var dated = new ArticleIngested("id", "s", "u", "t", "", at, at, List.of("F"), "en", List.of(), null, false);
        assertFalse(dated.undated());
    }

    @Test
    void readsAnArticleIngestedWrittenBeforeUndatedExistedAsDated() throws Exception {
        String wire = """
                {"articleId":"abc","source":"yahoo","url":"https://y.com/a","title":"t","summary":"",
                 "publishedAt":"2024-01-02T03:04:05Z","fetchedAt":"2024-01-02T03:05:00Z","tickers":["F"],
                 "lang":"en","evidence":[],"authorSentiment":null}""";
        ArticleIngested event = json.readValue(wire, ArticleIngested.class);
        assertFalse(event.undated());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), event.publishedAt());
    }

    @Test
    void aMessageWithoutPublishedAtReadsAsUndatedAtItsFetchTime() throws Exception {
        String wire = """
                {"articleId":"abc","source":"s","url":"https://y.com/a","title":"t",
                 "fetchedAt":"2024-01-02T03:05:00Z","tickers":["F"]}""";
        ArticleIngested event = json.readValue(wire, ArticleIngested.class);
        assertTrue(event.undated());
        assertEquals(Instant.parse("2024-01-02T03:05:00Z"), event.publishedAt());
    }

    @Test
    void evidenceAndAuthorSentimentSurviveRoundTrip() throws Exception {
        var tagged = new ArticleIngested("id", "stocktwits-f", "https://stocktwits.com/u/message/1", "$F Huge Beat", "",
                Instant.parse("2019-04-26T02:43:00Z"), Instant.parse("2019-04-26T02:44:00Z"), List.of("F"), "en",
                List.of(new TickerEvidence("F", "CASHTAG", "$F")), "Bullish");
        String text = json.writeValueAsString(tagged);
        assertEquals(tagged, json.readValue(text, ArticleIngested.class));
        JsonNode node = json.readTree(text);
        assertEquals("CASHTAG", node.at("/evidence/0/kind").asText());
        assertEquals("$F", node.at("/evidence/0/text").asText());
        assertEquals("Bullish", node.get("authorSentiment").asText());
    }

    @Test
    void theNineFieldConstructorMeansNoEvidenceAndNoAuthorSentiment() {
        var old = new ArticleIngested("id", "s", "u", "t", "", null, Instant.EPOCH, List.of("F"), "en");
        assertEquals(new ArticleIngested("id", "s", "u", "t", "", null, Instant.EPOCH, List.of("F"), "en", null, " "),
                old);
        assertEquals(List.of(), old.evidence());
        assertNull(old.authorSentiment());
    }

    @Test
    void articleScoredSurvivesRoundTripWithDerivedLabelAndScore() throws Exception {
        ArticleScored scored = ArticleScored.of(ingested, new Sentiment(0.7, 0.1, 0.2),
                new ModelRef("tth-finbert-mini", "1"), Instant.parse("2020-08-01T14:08:00Z"));
        String text = json.writeValueAsString(scored);
        ArticleScored back = json.readValue(text, ArticleScored.class);
        assertEquals(scored, back);
        assertEquals("positive", back.label());
        assertEquals(0.6, back.score(), 1e-9);
        JsonNode node = json.readTree(text);
        assertEquals("tth-finbert-mini", node.at("/model/id").asText());
        assertEquals(0.1, node.at("/sentiment/negative").asDouble(), 1e-12);
    }

    @Test
    void articleScoredCarriesTheEvidenceAndAuthorSentimentOfTheIngestedArticle() throws Exception {
        var tagged = new ArticleIngested("id", "stocktwits-f", "https://stocktwits.com/u/message/1", "$F Huge Beat", "",
                Instant.parse("2019-04-26T02:43:00Z"), Instant.parse("2019-04-26T02:44:00Z"), List.of("F"), "en",
                List.of(new TickerEvidence("F", "CASHTAG", "$F")), "Bearish");
        ArticleScored scored = ArticleScored.of(tagged, new Sentiment(0.1, 0.6, 0.3), new ModelRef("m", "2"),
                Instant.parse("2019-04-26T02:45:00Z"));
        JsonNode node = json.readTree(json.writeValueAsString(scored));
        List<String> names = List.of("articleId", "source", "url", "title", "summary", "publishedAt", "fetchedAt",
                "tickers", "lang", "sentiment", "label", "score", "model", "scoredAt", "evidence", "authorSentiment",
                "undated");
        names.forEach(n -> assertTrue(node.has(n), n));
        assertEquals(names.size(), node.size(), "no extra fields: " + node);
        assertEquals("CASHTAG", node.at("/evidence/0/kind").asText());
        assertEquals("F", node.at("/evidence/0/symbol").asText());
        assertEquals("Bearish", node.get("authorSentiment").asText());
        assertEquals(scored, json.readValue(node.toString(), ArticleScored.class));
    }

    @Test
    void readsAnArticleScoredWrittenBeforeEvidenceExisted() throws Exception {
        String wire = """
                {"articleId":"abc","source":"sec","url":"https://sec.gov/x","title":"8-K filed","summary":"",
                 "publishedAt":"2024-01-02T03:04:05Z","fetchedAt":"2024-01-02T03:05:00Z","tickers":["F"],
                 "lang":"en","sentiment":{"positive":0.2,"negative":0.1,"neutral":0.7},"label":"neutral",
                 "score":0.1,"model":{"id":"tth-finbert-mini","version":"1"},"scoredAt":"2024-01-02T03:06:00Z"}""";
        ArticleScored event = json.readValue(wire, ArticleScored.class);
        assertEquals(List.of(), event.evidence());
        assertNull(event.authorSentiment());
        assertEquals(List.of("F"), event.tickers());
        assertEquals("tth-finbert-mini", event.model().id());
        assertFalse(event.undated());
    }

    @Test
    void articleScoredCarriesUndatedFromTheIngestedArticle() throws Exception {
        var undated = new ArticleIngested("id", "sec-press", "https://sec.gov/p/1", "SEC charges", "", null,
                Instant.parse("2026-12-01T09:00:00Z"), List.of("F"), "en", List.of(), null, true);
        ArticleScored scored = ArticleScored.of(undated, new Sentiment(0.1, 0.6, 0.3), new ModelRef("m", "2"),
                Instant.parse("2026-12-01T09:01:00Z"));
        assertTrue(scored.undated());
        JsonNode node = json.readTree(json.writeValueAsString(scored));
        assertTrue(node.get("undated").asBoolean());
        assertEquals("2026-12-01T09:00:00Z", node.get("publishedAt").asText());
        assertEquals(scored, json.readValue(node.toString(), ArticleScored.class));
        assertFalse(ArticleScored.of(ingested, new Sentiment(0.1, 0.6, 0.3), new ModelRef("m", "2"),
                Instant.parse("2026-12-01T09:01:00Z")).undated());
    }

    @Test
    void readsAnEventWrittenByAnOlderOrNewerProducer() throws Exception {
        String wire = """
                {"articleId":"abc","source":"sec","url":"https://sec.gov/x","title":"8-K filed",
                 "publishedAt":"2024-01-02T03:04:05Z","fetchedAt":"2024-01-02T03:05:00Z",
                 "tickers":["F"],"futureField":{"x":1}}""";
        ArticleIngested event = json.readValue(wire, ArticleIngested.class);
        assertEquals("", event.summary());
        assertEquals("und", event.lang());
        assertEquals(List.of("F"), event.tickers());
        assertEquals(List.of(), event.evidence());
        assertNull(event.authorSentiment());
    }

    @Test
    void defaultsPublishedAtToFetchedAtAndCopiesTickers() {
        var tickers = new java.util.ArrayList<>(List.of("AAPL"));
        var event = new ArticleIngested("id", "s", "u", "t", null, null, Instant.EPOCH, tickers, null);
        tickers.add("MSFT");
        assertEquals(Instant.EPOCH, event.publishedAt());
        assertEquals(List.of("AAPL"), event.tickers());
    }

    @Test
    void textJoinsTitleAndSummaryOnlyWhenSummaryExists() {
        assertEquals("Microsoft pauses TikTok talks. Microsoft Corp. declined to comment.", ingested.text());
        var bare = new ArticleIngested("id", "s", "u", "Title only", " ", null, Instant.EPOCH, List.of(), null);
        assertEquals("Title only", bare.text());
    }

    @Test
    void sentimentRejectsNonProbabilitiesAndPicksTheLargestLabel() {
        assertThrows(IllegalArgumentException.class, () -> new Sentiment(Double.NaN, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Sentiment(-0.1, 0.5, 0.6));
        assertEquals("negative", new Sentiment(0.2, 0.5, 0.3).label());
        assertEquals("neutral", new Sentiment(0.2, 0.3, 0.5).label());
        assertFalse(new Sentiment(0.2, 0.3, 0.5).score() > 0);
    }
}

package com.tradethehype.ingest.poll;

import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.devstack.testing.PostgresTestResource;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.ingest.FeedFixturesTestResource;
import com.tradethehype.ingest.IngestTestSupport;
import com.tradethehype.ingest.PollResult;
import com.tradethehype.ingest.ScriptedServer.Reply;
import com.tradethehype.ingest.ScriptedServer;
import com.tradethehype.ingest.normalise.ArticleNormaliser;
import com.tradethehype.ingest.normalise.TitleWords;
import com.tradethehype.ingest.source.SourceCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same story from several sources becomes one article that lists them all. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(SqsTestResource.class)
@QuarkusTestResource(FeedFixturesTestResource.class)
class NearDuplicateMergeTest {

    private static ScriptedServer host;

    @Inject
    IngestTestSupport support;
    @Inject
    SourcePoller poller;
    @Inject
    SourceCatalog catalog;

    @BeforeAll
    static void startHost() {
        host = ScriptedServer.start();
    }

    @AfterAll
    static void stopHost() {
        host.close();
    }

    @BeforeEach
    void freshStart() {
        support.reset();
    }

    private static String rss(String... titleAndLink) {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
        for (int i = 0; i < titleAndLink.length; i += 2) {
            xml.append("<item><title>").append(titleAndLink[i]).append("</title><link>").append(titleAndLink[i + 1])
                    .append("</link></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    private PollResult poll(String name, String path, String body) {
        String url = host.on(path, Reply.body("application/rss+xml", body));
        if (catalog.all().stream().noneMatch(s -> s.name().equals(name))) {
            support.addSource(name, url, "rss");
        }
        return poller.poll(catalog.byName(name));
    }

    @Test
    void aSyndicatedHeadlineIsMergedIntoTheFirstArticleAndRecordedAsItsSource() {
        PollResult wire = poll("wire", "/wire.xml", rss(
                "Apple beats estimates as iPhone sales surge - Reuters", "https://a.example/apple-beats",
                "Deutsche Bank cuts Ford to Hold on weak truck demand", "https://a.example/ford",
                "$AAPL up big", "https://a.example/short"));
        assertEquals(3, wire.published());
        String syndicated = rss(
                "Apple Beats Estimates as iPhone Sales Surge", "https://b.example/2024/apple?utm_source=rss",
                "Deutsche Bank cuts General Motors to Hold on weak truck demand", "https://b.example/gm",
                "Apple shares fall after iPhone sales miss estimates", "https://b.example/apple-falls",
                "$AAPL up big", "https://b.example/short");
        PollResult paper = poll("paper", "/paper.xml", syndicated);
        assertEquals(1, paper.merged(), paper.toString());
        assertEquals(3, paper.published(), "other ticker, other story, too short to compare: " + paper);

        List<ArticleIngested> sent = support.published();
        assertEquals(6, sent.size());
        assertTrue(sent.stream().noneMatch(e -> e.url().startsWith("https://b.example/2024/apple")));
        String first = ArticleNormaliser.articleId("https://a.example/apple-beats");
        given().when().get("/articles/{id}", first).then().statusCode(200)
                .body("title", equalTo("Apple beats estimates as iPhone sales surge - Reuters"))
                .body("tickers", equalTo(List.of("AAPL")))
                .body("sources", hasSize(2))
                .body("sources.source", equalTo(List.of("wire", "paper")))
                .body("sources[1].url", equalTo("https://b.example/2024/apple"))
                .body("sources[1].similarity", equalTo(1.0f));

        PollResult again = poll("paper", "/paper.xml", syndicated);
        assertEquals(4, again.duplicates(), "the merged item is known by its own URL now: " + again);
        assertEquals(0, again.merged() + again.published());
        given().when().get("/articles/{id}", first).then().body("sources", hasSize(2));
    }

    @Test
    void aHeadlineOutsideTheWindowIsANewArticle() {
        poll("wire", "/old.xml", rss("Nvidia unveils new Blackwell chips for data centers", "https://a.example/nv"));
        support.execute("UPDATE ingest.published_article SET first_seen_at = now() - interval '10 days'");
        PollResult later = poll("blog", "/blog.xml", rss(
                "Nvidia unveils new Blackwell chips for data centers | Example Blog", "https://c.example/nv"));
        assertEquals(1, later.published(), later.toString());
        assertEquals(2, support.published().size());
    }

    @Test
    void anUnknownArticleIs404() {
        given().when().get("/articles/{id}", "0".repeat(64)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void titleWordsIgnoreCasePunctuationStopWordsAndAPublisherSuffix() {
        String stored = TitleWords.withoutSuffix("Apple beats estimates as iPhone sales surge - Reuters");
        assertEquals("apple beats estimates iphone sales surge", stored);
        assertEquals(1.0, TitleWords.similarity("APPLE BEATS ESTIMATES AS IPHONE SALES SURGE!", stored));
        assertEquals(1.0, TitleWords.similarity("Apple beats estimates as iPhone sales surge | Yahoo Finance", stored));
        assertEquals(5 / 7.0, TitleWords.similarity("Apple tops estimates as iPhone sales surge", stored), 1e-9,
                "one word changed in six: below 0.8, kept apart");
        assertEquals("deutsche nestle", TitleWords.of("Nestlé's Deutsche"));
        assertEquals(0, TitleWords.jaccard("", stored));
    }
}

package com.tradethehype.sentiment.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.contracts.Queues;
import com.tradethehype.contracts.Sentiment;
import com.tradethehype.devstack.testing.SqsTestResource;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import com.tradethehype.sentiment.inference.SentimentModel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** ArticleIngested in, ArticleScored out, over a real ElasticMQ server and the real tiny model. */
@QuarkusTest
@QuarkusTestResource(SqsTestResource.class)
class ScoringPipelineTest {

    @Inject
    SqsQueues queues;
    @Inject
    ObjectMapper json;
    @Inject
    SentimentModel model;

    @Test
    void scoresEveryIngestedArticleWithTheModelIdAndTheSameNumbersAsPostScore() throws Exception {
        List<ArticleIngested> articles = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            articles.add(new ArticleIngested(UUID.randomUUID().toString(), "test", "https://x.test/" + i,
                    "Headline number " + i + " about Microsoft", i % 2 == 0 ? "" : "Summary " + i,
                    Instant.parse("2024-05-01T10:00:00Z"), Instant.now(), List.of("MSFT"), "en"));
        }
        var sender = new SqsSender(queues, Queues.ARTICLES_INGESTED);
        sender.sendAll(articles.stream().map(this::toJson).toList());

        Map<String, ArticleScored> scored = receiveScored(articles.size());
        await().until(() -> model.state() == SentimentModel.State.READY);
        for (ArticleIngested article : articles) {
            ArticleScored out = scored.get(article.articleId());
            assertEquals(article.title(), out.title());
            assertEquals(List.of("MSFT"), out.tickers());
            assertEquals("tth-tiny-random", out.model().id());
            Sentiment expected = model.score(List.of(article.text())).get(0);
            assertEquals(expected.positive(), out.sentiment().positive(), 1e-5);
            assertEquals(expected.label(), out.label());
            assertEquals(out.sentiment().positive() - out.sentiment().negative(), out.score(), 1e-9);
        }
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterQueueAndScoringContinues() throws Exception {
        String dlq = Queues.deadLetterOf(Queues.ARTICLES_INGESTED);
        long deadBefore = queues.depth(dlq);
        var sender = new SqsSender(queues, Queues.ARTICLES_INGESTED);
        sender.send("this is not json");
        var good = new ArticleIngested(UUID.randomUUID().toString(), "test", "https://x.test/good", "Ford rallies",
                "", null, Instant.now(), List.of("F"), "en");
        sender.send(toJson(good));

        assertTrue(receiveScored(1).containsKey(good.articleId()));
        await().atMost(Duration.ofSeconds(40)).until(() -> queues.depth(dlq) == deadBefore + 1);
    }

    private Map<String, ArticleScored> receiveScored(int expected) {
        Map<String, ArticleScored> scored = new ConcurrentHashMap<>();
        String url = queues.url(Queues.ARTICLES_SCORED);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var messages = queues.client().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .get().messages();
            for (var m : messages) {
                ArticleScored event = json.readValue(m.body(), ArticleScored.class);
                scored.put(event.articleId(), event);
                queues.client().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())).get();
            }
            return scored.size() >= expected;
        });
        return scored;
    }

    private String toJson(ArticleIngested article) {
        try {
            return json.writeValueAsString(article);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

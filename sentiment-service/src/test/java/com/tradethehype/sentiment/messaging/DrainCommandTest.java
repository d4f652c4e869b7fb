package com.tradethehype.sentiment.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.ArticleScored;
import com.tradethehype.contracts.Queues;
import com.tradethehype.devstack.Sqs;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code drain}, the scale-to-zero pipeline's one-shot sentiment task, run through the real main against a real
 * ElasticMQ (a fresh one per test) and the tiny model: it empties the queue, publishes every score and exits 0,
 * and exits non-zero, leaving the input on the queue, when the model or the output queue fails.
 */
@QuarkusMainTest
class DrainCommandTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    Sqs sqs;
    SqsClient client;

    @BeforeEach
    void startSqs() {
        sqs = Sqs.start(0);
        client = sqs.client();
        System.setProperty("tth.sqs.endpoint", sqs.endpoint());
    }

    @AfterEach
    void stopSqs() {
        System.clearProperty("tth.sqs.endpoint");
        System.clearProperty("sentiment.model.location");
        client.close();
        sqs.close();
    }

    @Test
    void drainScoresEveryQueuedArticlePublishesItAndExitsZero(QuarkusMainLauncher launcher) throws Exception {
        List<ArticleIngested> articles = send(120); // several batches of 32, for loops side by side

        LaunchResult result = launcher.launch("drain");

        assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
        Map<String, ArticleScored> scored = receiveAll(Queues.ARTICLES_SCORED);
        assertEquals(120, scored.size());
        for (ArticleIngested article : articles) {
            ArticleScored out = scored.get(article.articleId());
            assertEquals(article.title(), out.title());
            assertEquals("tth-tiny-random", out.model().id());
        }
        assertEquals(0, depth(Queues.ARTICLES_INGESTED, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals(0, depth(Queues.ARTICLES_INGESTED, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void drainOfAnEmptyQueueExitsZeroPromptly(QuarkusMainLauncher launcher) {
        long start = System.nanoTime();
        LaunchResult result = launcher.launch("drain");
        assertEquals(0, result.exitCode(), result.getOutput() + result.getErrorOutput());
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "three empty receives, then done");
    }

    @Test
    void drainExitsOneAndConsumesNothingWhenTheModelCannotLoad(QuarkusMainLauncher launcher) throws Exception {
        send(3);
        System.setProperty("sentiment.model.location", "target/no-such-model");

        LaunchResult result = launcher.launch("drain");

        assertEquals(1, result.exitCode(), result.getOutput() + result.getErrorOutput());
        assertEquals(3, depth(Queues.ARTICLES_INGESTED, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void drainExitsThreeAndKeepsTheBatchWhenScoresCannotBePublished(QuarkusMainLauncher launcher) throws Exception {
        send(5);
        client.deleteQueue(b -> b.queueUrl(client.getQueueUrl(q -> q.queueName(Queues.ARTICLES_SCORED)).queueUrl()));

        LaunchResult result = launcher.launch("drain");

        assertEquals(3, result.exitCode(), result.getOutput() + result.getErrorOutput());
        long left = depth(Queues.ARTICLES_INGESTED, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + depth(Queues.ARTICLES_INGESTED, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
        assertEquals(5, left, "nothing deleted: the batch is delivered again later");
    }

    @Test
    void unknownArgumentsExitTwo(QuarkusMainLauncher launcher) {
        assertEquals(2, launcher.launch("drain", "--now").exitCode());
    }

    private List<ArticleIngested> send(int count) throws Exception {
        String url = client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_INGESTED)).queueUrl();
        List<ArticleIngested> articles = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            var article = new ArticleIngested(UUID.randomUUID().toString(), "test", "https://x.test/" + i,
                    "Headline " + i + ": Microsoft shares rise", "", Instant.parse("2026-05-01T10:00:00Z"),
                    Instant.now(), List.of("MSFT"), "en");
            String body = json.writeValueAsString(article);
            client.sendMessage(b -> b.queueUrl(url).messageBody(body));
            articles.add(article);
        }
        return articles;
    }

    private Map<String, ArticleScored> receiveAll(String queue) throws Exception {
        String url = client.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<String, ArticleScored> out = new HashMap<>();
        while (true) {
            var messages = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (messages.isEmpty()) {
                return out;
            }
            for (var m : messages) {
                ArticleScored event = json.readValue(m.body(), ArticleScored.class);
                assertNull(out.put(event.articleId(), event), "published twice: " + event.articleId());
            }
        }
    }

    private long depth(String queue, QueueAttributeName attribute) {
        String url = client.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        return Long.parseLong(client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(attribute))
                .attributes().get(attribute));
    }
}

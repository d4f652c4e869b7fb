package com.tradethehype.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.Queues;
import com.tradethehype.devstack.Sqs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Polling, batching, deleting and dead-lettering against a real ElasticMQ server. */
class SqsPollerTest {

    static Sqs server;
    static SqsAsyncClient client;
    static SqsQueues queues;

    @BeforeAll
    static void start() {
        server = Sqs.start(0);
        client = SqsAsyncClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
        queues = new SqsQueues(client, Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void handsOverBatchesUpToTheConfiguredSizeAndDeletesWhatWasHandled() {
        var sender = new SqsSender(queues, Queues.ARTICLES_INGESTED);
        sender.sendAll(IntStream.range(0, 25).mapToObj(i -> "m" + i).toList());
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        var settings = new PollerSettings(Queues.ARTICLES_INGESTED, 16, Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        try (var poller = new SqsPoller(queues, settings, batch -> {
            sizes.add(batch.size());
            batch.forEach(m -> bodies.add(m.body()));
            return batch;
        }).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> bodies.size() == 25);
        }
        assertTrue(sizes.stream().allMatch(s -> s <= 16), sizes.toString());
        assertEquals(25, bodies.stream().distinct().count());
        assertEquals(0, queues.depth(Queues.ARTICLES_INGESTED));
    }

    @Test
    void severalLoopsHandleBatchesSideBySideAndEachMessageOnce() throws Exception {
        // a queue of its own: a poller closed by another test may still hold a long poll on the shared queues
        String queue = "loops-" + java.util.UUID.randomUUID();
        client.createQueue(b -> b.queueName(queue)).get(5, java.util.concurrent.TimeUnit.SECONDS);
        var sender = new SqsSender(queues, queue);
        sender.sendAll(IntStream.range(0, 60).mapToObj(i -> "loop-" + i).toList());
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        var inHandler = new java.util.concurrent.atomic.AtomicInteger();
        var mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();
        var settings = new PollerSettings(queue, 10, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(1));
        try (var poller = new SqsPoller(queues, settings, batch -> {
            mostAtOnce.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300); // a slow handler, like a forward pass: the other loops receive meanwhile
            } finally {
                inHandler.decrementAndGet();
            }
            batch.forEach(m -> bodies.add(m.body()));
            return batch;
        }, 3).start()) {
            assertEquals(3, poller.loops());
            await().atMost(Duration.ofSeconds(20)).until(() -> bodies.size() >= 60);
            assertTrue(poller.isRunning());
        }
        assertEquals(60, bodies.size());
        assertEquals(60, bodies.stream().distinct().count());
        assertTrue(mostAtOnce.get() >= 2, "batches handled at once: " + mostAtOnce.get());
        assertEquals(0, queues.depth(queue));
    }

    @Test
    void aPollerClosedMidLongPollHandsBackWhatThatPollReceives() throws Exception {
        String queue = "closing-" + java.util.UUID.randomUUID();
        client.createQueue(b -> b.queueName(queue)).get(5, java.util.concurrent.TimeUnit.SECONDS);
        var settings = new PollerSettings(queue, 10, Duration.ofMillis(100), Duration.ofSeconds(60), Duration.ofSeconds(5));
        var first = new SqsPoller(queues, settings, batch -> batch).start();
        Thread.sleep(500); // the first poller now waits in a 5 s long poll on the empty queue
        first.close();
        new SqsSender(queues, queue).send("after-close"); // the closed poller's open long poll takes it
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        try (var second = new SqsPoller(queues, settings, batch -> {
            batch.forEach(m -> bodies.add(m.body()));
            return batch;
        }).start()) {
            // without the hand-back it would stay hidden for the 60 s visibility timeout
            await().atMost(Duration.ofSeconds(15)).until(() -> bodies.contains("after-close"));
        }
    }

    @Test
    void aMessageTheHandlerNeverFinishesEndsInTheDeadLetterQueueAndTheOthersFlow() {
        var sender = new SqsSender(queues, Queues.ARTICLES_SCORED);
        sender.sendAll(List.of("poison", "good-1", "good-2"));
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        var settings = new PollerSettings(Queues.ARTICLES_SCORED, 10, Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        try (var poller = new SqsPoller(queues, settings, batch -> {
            List<Message> ok = batch.stream().filter(m -> !m.body().equals("poison")).toList();
            ok.forEach(m -> done.add(m.body()));
            return ok;
        }).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED)) == 1);
        }
        assertEquals(List.of("good-1", "good-2"), done.stream().sorted().toList());
    }

    @Test
    void sendingToAMissingQueueFailsInsteadOfHanging() {
        var sender = new SqsSender(queues, "tth-no-such-queue");
        var error = assertThrows(QueueUnavailableException.class, () -> sender.send("x"));
        assertTrue(error.getMessage().contains("tth-no-such-queue"), error.getMessage());
    }
}

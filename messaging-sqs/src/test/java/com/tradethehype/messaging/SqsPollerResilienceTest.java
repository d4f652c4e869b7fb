package com.tradethehype.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.Queues;
import com.tradethehype.devstack.Sqs;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** A consumer that fails is loud and keeps going; one bad message or a dependency outage loses nothing. */
class SqsPollerResilienceTest {

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

    /** A fresh queue without dead-letter queue, for one test. */
    private static String freshQueue() throws Exception {
        String name = "test-" + UUID.randomUUID();
        client.createQueue(b -> b.queueName(name)).get(5, TimeUnit.SECONDS);
        return name;
    }

    private static PollerSettings settings(String queue, int batch, Duration visibility, Duration stallAfter) {
        return new PollerSettings(queue, batch, Duration.ofMillis(200), visibility, Duration.ofSeconds(1), stallAfter);
    }

    @Test
    void anErrorThrownByTheHandlerDoesNotKillThePoller() throws Exception {
        String queue = freshQueue();
        new SqsSender(queues, queue).sendAll(List.of("a", "b"));
        AtomicInteger calls = new AtomicInteger();
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        try (var poller = new SqsPoller(queues, settings(queue, 10, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                batch -> {
                    if (calls.incrementAndGet() <= 2) {
                        throw new AssertionError("handler bug");
                    }
                    batch.forEach(m -> done.add(m.body()));
                    return batch;
                }).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> done.size() == 2);
            assertTrue(poller.isRunning());
            assertEquals(ConsumerHealth.State.RUNNING, poller.health(0).state());
            assertTrue(poller.health(0).lastFailure() != null, "the failure is remembered");
        }
    }

    @Test
    void oneBadMessageDoesNotTakeTheHealthyOnesOfItsBatchToTheDeadLetterQueue() {
        long deadBefore = queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED));
        new SqsSender(queues, Queues.ARTICLES_SCORED).sendAll(List.of("good-1", "poison", "good-2", "good-3"));
        Map<String, Integer> handled = new ConcurrentHashMap<>();
        var settings = new PollerSettings(Queues.ARTICLES_SCORED, 10, Duration.ofMillis(300), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(4));
        try (var poller = new SqsPoller(queues, settings, batch -> {
            if (batch.stream().anyMatch(m -> m.body().equals("poison"))) {
                throw new IllegalStateException("cannot parse poison");
            }
            batch.forEach(m -> handled.merge(m.body(), 1, Integer::sum));
            return batch;
        }).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> poller.health(0).state() == ConsumerHealth.State.FAILING);
            assertEquals("cannot parse poison", poller.health(0).detail(), "a failing handler is reported");
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> queues.depth(Queues.deadLetterOf(Queues.ARTICLES_SCORED)) == deadBefore + 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> poller.health(0).state() == ConsumerHealth.State.RUNNING);
        }
        assertEquals(Map.of("good-1", 1, "good-2", 1, "good-3", 1), handled, "each healthy message handled once");
    }

    @Test
    void aDependencyOutagePausesConsumingWithoutBurningReceives() throws Exception {
        String queue = freshQueue();
        new SqsSender(queues, queue).send("article");
        long downUntil = System.currentTimeMillis() + 4_000;
        List<String> receiveCounts = Collections.synchronizedList(new ArrayList<>());
        List<ConsumerHealth> seen = Collections.synchronizedList(new ArrayList<>());
        try (var poller = new SqsPoller(queues, settings(queue, 10, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                batch -> {
                    if (System.currentTimeMillis() < downUntil) {
                        throw new DependencyUnavailableException("database unreachable", null);
                    }
                    batch.forEach(m -> receiveCounts.add(m.attributesAsStrings().get("ApproximateReceiveCount")));
                    return batch;
                }).start()) {
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
                ConsumerHealth health = poller.health(0);
                seen.add(health);
                assertEquals(ConsumerHealth.State.PAUSED, health.state());
            });
            assertEquals("database unreachable", seen.get(seen.size() - 1).detail());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiveCounts.size() == 1);
            assertEquals(ConsumerHealth.State.RUNNING, poller.health(0).state());
        }
        assertEquals(List.of("1"), receiveCounts, "held through the outage, never received again");
        assertEquals(0, queues.depth(queue));
    }

    @Test
    void aLongBatchKeepsItsMessagesHiddenUntilItIsDone() throws Exception {
        String queue = freshQueue();
        new SqsSender(queues, queue).sendAll(List.of("x", "y"));
        Map<String, Integer> handled = new ConcurrentHashMap<>();
        AtomicInteger finished = new AtomicInteger();
        try (var poller = new SqsPoller(queues, settings(queue, 10, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                batch -> {
                    batch.forEach(m -> handled.merge(m.body(), 1, Integer::sum));
                    Thread.sleep(3_500); // three visibility timeouts
                    finished.addAndGet(batch.size());
                    return batch;
                }).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> finished.get() == 2);
            Thread.sleep(2_500); // an undeleted message would be visible, received and handled again by now
        }
        assertEquals(Map.of("x", 1, "y", 1), handled, "no message reappeared mid-batch");
    }

    @Test
    void aConsumerStuckWhileMessagesWaitIsReportedStalled() throws Exception {
        String queue = freshQueue();
        new SqsSender(queues, queue).sendAll(List.of("first", "second"));
        CountDownLatch release = new CountDownLatch(1);
        try (var poller = new SqsPoller(queues, settings(queue, 1, Duration.ofSeconds(5), Duration.ofSeconds(1)),
                batch -> {
                    release.await(20, TimeUnit.SECONDS);
                    return batch;
                }).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> poller.health(1).state() == ConsumerHealth.State.STALLED);
            assertTrue(poller.health(1).detail().startsWith("1 messages wait"), poller.health(1).detail());
            assertEquals(ConsumerHealth.State.RUNNING, poller.health(0).state(), "nothing waiting: not stalled");
            release.countDown();
        }
    }

    @Test
    void healthReasonsCarryNoClassNames() {
        assertEquals("connection refused: localhost/127.0.0.1:5432", SqsPoller.reason(new RuntimeException(
                "java.net.ConnectException: connection refused: localhost/127.0.0.1:5432")));
        assertEquals("internal error in the handler", SqsPoller.reason(new OutOfMemoryError()));
    }

    @Test
    void aClosedPollerIsReportedDead() {
        String queue;
        try {
            queue = freshQueue();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        var poller = new SqsPoller(queues, settings(queue, 1, Duration.ofSeconds(1), Duration.ofSeconds(60)),
                batch -> batch).start();
        poller.close();
        assertEquals(ConsumerHealth.State.DEAD, poller.health(0).state());
    }

    @Test
    void deadLettersCanBeInspectedAndMovedBackWithoutLoss() throws Exception {
        String dlq = freshQueue();
        String target = freshQueue();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            bodies.add("{\"articleId\":\"a" + i + "\"}");
        }
        new SqsSender(queues, dlq).sendAll(bodies);
        DeadLetters deadLetters = new DeadLetters(queues);
        assertEquals(10, deadLetters.peek(dlq, 10).size());
        assertEquals(23, deadLetters.redrive(dlq, target));
        assertEquals(0, queues.depth(dlq));
        List<String> back = Collections.synchronizedList(new ArrayList<>());
        try (var poller = new SqsPoller(queues, settings(target, 10, Duration.ofSeconds(5), Duration.ofSeconds(60)),
                batch -> {
                    batch.forEach(m -> back.add(m.body()));
                    return batch;
                }).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> back.size() == 23);
        }
        assertEquals(bodies.stream().sorted().toList(), back.stream().sorted().toList());
    }
}

package com.tradethehype.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.contracts.Queues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** devstack's queues survive a stop and a crash: what was sent and not deleted is there after the restart. */
class PersistentSqsTest {

    @TempDir
    Path storage;

    @Test
    void messagesSentAndNotDeletedAreThereAfterARestartAndDeletedOnesAreNot() {
        int port;
        String received0;
        try (Sqs sqs = Sqs.start(0, storage); SqsClient client = sqs.client()) {
            port = sqs.port();
            String url = client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_INGESTED)).queueUrl();
            for (int i = 0; i < 5; i++) {
                int n = i;
                client.sendMessage(b -> b.queueUrl(url).messageBody("article-" + n));
            }
            List<Message> received = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(2)
                    .visibilityTimeout(1)).messages();
            assertEquals(2, received.size());
            client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
            received0 = received.get(0).body();
            // received.get(1) stays in flight: not deleted, so it must come back
        }
        try (Sqs sqs = Sqs.start(port, storage); SqsClient client = sqs.client()) {
            String url = client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_INGESTED)).queueUrl();
            client.getQueueUrl(b -> b.queueName(Queues.deadLetterOf(Queues.ARTICLES_INGESTED)));
            Set<String> bodies = drain(client, url, 4);
            assertEquals(4, bodies.size(), "5 sent, 1 deleted: " + bodies);
            assertTrue(!bodies.contains(received0), "the deleted message stays deleted: " + bodies);
        }
    }

    @Test
    void aKilledDevstackLosesNoAcknowledgedMessage() throws Exception {
        int port = FreePort.find();
        Process devstack = startSqsOnly(port);
        try (SqsClient client = Sqs.clientFor(port)) {
            String url = client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_SCORED)).queueUrl();
            for (int i = 0; i < 200; i++) {
                int n = i;
                client.sendMessage(b -> b.queueUrl(url).messageBody("scored-" + n));
            }
        } finally {
            devstack.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        }
        Process again = startSqsOnly(port);
        try (SqsClient client = Sqs.clientFor(port)) {
            String url = client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_SCORED)).queueUrl();
            assertEquals(200, drain(client, url, 200).size(), "every acknowledged send survived kill -9");
        } finally {
            again.destroy();
            again.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process startSqsOnly(int port) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), DevStack.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(storage.resolve("devstack-" + System.nanoTime() + ".log").toFile());
        builder.environment().putAll(java.util.Map.of("TTH_PARTS", "sqs", "TTH_SQS_PORT", "" + port,
                "TTH_HOME", storage.toString()));
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "devstack exited with " + (process.isAlive() ? "" : process.exitValue()));
            try (SqsClient client = Sqs.clientFor(port)) {
                client.getQueueUrl(b -> b.queueName(Queues.ARTICLES_SCORED));
                return process;
            } catch (RuntimeException notYet) {
                Thread.sleep(250);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("devstack's SQS did not answer within 60 s");
    }

    /** Receives (without deleting) until {@code expected} distinct bodies or 10 s without a new one. */
    private static Set<String> drain(SqsClient client, String url, int expected) {
        Set<String> bodies = new HashSet<>();
        long quietSince = System.nanoTime();
        while (bodies.size() < expected && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(10)) {
            List<Message> batch = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(120).waitTimeSeconds(1)).messages();
            if (batch.stream().map(Message::body).filter(bodies::add).count() > 0) {
                quietSince = System.nanoTime();
            }
        }
        return bodies;
    }
}

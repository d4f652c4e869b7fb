package com.tradethehype.devstack;

import com.tradethehype.contracts.Queues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.util.Either;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ, a real server speaking the SQS API, with the project's queues and their dead-letter twins. Started
 * with a storage folder it keeps queues and messages in an H2 database there (ElasticMQ's SQL message storage),
 * so a stop or a crash of the local stack loses nothing that was sent; without one it keeps them in memory, as
 * tests want.
 */
public final class Sqs implements AutoCloseable {

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

    private final SQSRestServer server;
    private final ActorSystem ownSystem;
    private final int port;
    private final Path storage;

    private Sqs(SQSRestServer server, ActorSystem ownSystem, int port, Path storage) {
        this.server = server;
        this.ownSystem = ownSystem;
        this.port = port;
        this.storage = storage;
    }

    /** Starts an in-memory ElasticMQ on loopback {@code port} (0 = any free port) and creates every queue. */
    public static Sqs start(int port) {
        return start(port, null);
    }

    /**
     * Starts ElasticMQ on loopback {@code port} (0 = any free port), restoring the queues and messages kept in
     * {@code storage} (created if missing; {@code null} = in memory), and creates every queue that is missing.
     */
    public static Sqs start(int port, Path storage) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1").withAWSRegion("us-east-1");
        ActorSystem system = null;
        if (storage != null) {
            system = ActorSystem.create("devstack-sqs");
            builder = builder.withActorSystem(system).withQueueManagerActor(persistentQueueManager(system, storage));
        }
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        int bound = server.waitUntilStarted().localAddress().getPort();
        Sqs sqs = new Sqs(server, system, bound, storage);
        sqs.createQueues();
        return sqs;
    }

    /** A queue manager whose every queue event is written to H2 in {@code storage}, after restoring what is there. */
    private static ActorRef persistentQueueManager(ActorSystem system, Path storage) {
        try {
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the SQS storage folder " + storage, e);
        }
        // one process owns the file; written at every commit (WRITE_DELAY=0) so a kill -9 loses no acknowledged send;
        // DB_CLOSE_ON_EXIT off so the shutdown hook can still write
        String uri = "jdbc:h2:file:" + storage.toAbsolutePath().resolve("queues") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        var config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "sa", "", false);
        ActorRef store = system.actorOf(Props.create(SqlQueuePersistenceActor.class,
                () -> new SqlQueuePersistenceActor(config, scala.collection.immutable.List$.MODULE$.empty())),
                "queue-storage");
        ActorRef manager = system.actorOf(Props.create(QueueManagerActor.class,
                () -> new QueueManagerActor(new NowProvider(), StrictSQSLimits$.MODULE$, Option.apply(store))),
                "queue-manager");
        try {
            Object restored = Patterns.ask(store, new QueueEvent.Restore(manager), RESTORE_TIMEOUT)
                    .toCompletableFuture().get(RESTORE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (restored instanceof Either<?, ?> either && either.isLeft()) {
                throw new IllegalStateException("cannot restore the SQS queues from " + storage + ": " + either.left().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the SQS queues", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot restore the SQS queues from " + storage + ": " + e.getMessage(), e);
        }
        return manager;
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    /** The folder messages are kept in, or {@code null} when they are kept in memory. */
    public Path storage() {
        return storage;
    }

    /** A plain client for this server (dummy credentials: ElasticMQ does not check them). */
    public SqsClient client() {
        return clientFor(port);
    }

    /** A plain client for an ElasticMQ on loopback {@code port}. */
    public static SqsClient clientFor(int port) {
        return SqsClient.builder().endpointOverride(URI.create("http://localhost:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private void createQueues() {
        try (SqsClient client = client()) {
            for (String queue : Queues.workQueues()) {
                String dlqUrl = client.createQueue(b -> b.queueName(Queues.deadLetterOf(queue))).queueUrl();
                String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + Queues.MAX_RECEIVES + "\"}";
                client.createQueue(b -> b.queueName(queue).attributes(Map.of(
                        QueueAttributeName.REDRIVE_POLICY, redrive,
                        QueueAttributeName.VISIBILITY_TIMEOUT, "30")));
            }
        }
    }

    @Override
    public void close() {
        server.stopAndWait();
        if (ownSystem != null) {
            try {
                ownSystem.terminate();
                scala.concurrent.Await.ready(ownSystem.whenTerminated(), scala.concurrent.duration.Duration.create(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                throw new IllegalStateException("ElasticMQ's actor system did not stop within 30 s", e);
            }
        }
    }
}

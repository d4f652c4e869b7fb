package com.tradethehype.devstack;

import com.tradethehype.contracts.Queues;
import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ, a real server speaking the SQS API, with the project's queues and their dead-letter twins. */
public final class Sqs implements AutoCloseable {

    private final SQSRestServer server;
    private final int port;

    private Sqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts ElasticMQ on loopback {@code port} (0 = any free port) and creates every queue. */
    public static Sqs start(int port) {
        var builder = SQSRestServerBuilder.withInterface("127.0.0.1").withAWSRegion("us-east-1");
        SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
        int bound = server.waitUntilStarted().localAddress().getPort();
        Sqs sqs = new Sqs(server, bound);
        sqs.createQueues();
        return sqs;
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://localhost:" + port;
    }

    /** A plain client for this server (dummy credentials: ElasticMQ does not check them). */
    public SqsClient client() {
        return SqsClient.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
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
    }
}

package com.tradethehype.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.Queues;
import com.tradethehype.ingest.source.FetchValidators;
import com.tradethehype.ingest.source.SourceCatalog;
import com.tradethehype.ingest.source.SourceStates;
import com.tradethehype.ingest.source.Sources;
import com.tradethehype.messaging.SqsQueues;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Puts the service back to a fresh start between tests, and reads what it published from the real queue. */
@ApplicationScoped
public class IngestTestSupport {

    private final DataSource dataSource;
    private final SqsAsyncClient sqs;
    private final SqsQueues queues;
    private final FetchValidators validators;
    private final SourceStates states;
    private final SourceCatalog catalog;
    private final ObjectMapper json;

    public IngestTestSupport(DataSource dataSource, SqsAsyncClient sqs, SqsQueues queues, FetchValidators validators,
                             SourceStates states, SourceCatalog catalog, ObjectMapper json) {
        this.dataSource = dataSource;
        this.sqs = sqs;
        this.queues = queues;
        this.validators = validators;
        this.states = states;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * No published articles, empty queue, no remembered ETags, no poll history, only the configured sources: as
     * after a first deployment.
     */
    public void reset() {
        execute("DELETE FROM ingest.published_article");
        published();
        validators.clear();
        states.clear();
        catalog.resetToConfiguration();
    }

    /** Adds a run-time source, as POST /sources does. */
    public Source addSource(String name, String url, String kind, String... tickers) {
        return catalog.add(Sources.validate(name, url, kind, true, List.of(tickers), Optional.empty(), 1.0, true));
    }

    /** Runs one SQL statement against the service's database. */
    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of {@code sql}, or null when there is no row. */
    public Object queryValue(String sql) {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event on {@code tth-articles-ingested}, received with the injected client and deleted. */
    public List<ArticleIngested> published() {
        String url = queues.url(Queues.ARTICLES_INGESTED);
        List<ArticleIngested> events = new ArrayList<>();
        while (true) {
            List<Message> batch = await(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(0).visibilityTimeout(30))).messages();
            if (batch.isEmpty()) {
                return events;
            }
            for (Message message : batch) {
                events.add(read(message.body()));
                await(sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle())));
            }
        }
    }

    /**
     * Runs {@code during} while {@code tth-articles-ingested} does not exist, so every send to it fails the way
     * it does when SQS is unreachable; recreates it afterwards with its dead-letter policy.
     */
    public void withoutArticlesQueue(Runnable during) {
        String url = queues.url(Queues.ARTICLES_INGESTED);
        var attributes = await(sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT))).attributes();
        await(sqs.deleteQueue(b -> b.queueUrl(url)));
        try {
            during.run();
        } finally {
            String recreated = await(sqs.createQueue(b -> b.queueName(Queues.ARTICLES_INGESTED).attributes(attributes)))
                    .queueUrl();
            if (!recreated.equals(url)) {
                throw new IllegalStateException("queue URL changed from " + url + " to " + recreated);
            }
        }
    }

    private ArticleIngested read(String body) {
        try {
            return json.readValue(body, ArticleIngested.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> call) {
        try {
            return call.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

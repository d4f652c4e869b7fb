package com.tradethehype.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends {@link ArticleIngested} events to {@value Queues#ARTICLES_INGESTED} as JSON. */
@ApplicationScoped
public class ArticlePublisher {

    /** SQS refuses a batch whose bodies add up to more than 256 KiB; stay under it with room for attributes. */
    static final int MAX_BATCH_BYTES = 240 * 1024;

    private final SqsSender sender;
    private final ObjectMapper json;

    public ArticlePublisher(SqsQueues queues, ObjectMapper json) {
        this.sender = new SqsSender(queues, Queues.ARTICLES_INGESTED);
        this.json = json;
    }

    /**
     * Returns once SQS has accepted the event; throws {@link com.tradethehype.messaging.QueueUnavailableException}
     * when it did not within {@code ingest.sqs-timeout}.
     */
    public void publish(ArticleIngested article) {
        sender.send(body(article));
    }

    /**
     * Sends the events with SendMessageBatch, ten per call and at most {@value #MAX_BATCH_BYTES} bytes per call;
     * returns once SQS has accepted every one, else throws {@link com.tradethehype.messaging.QueueUnavailableException}
     * (some of them may have been accepted: consumers are idempotent on {@code articleId}).
     */
    public void publishAll(List<ArticleIngested> articles) {
        publishBodies(articles.stream().map(this::body).toList());
    }

    /**
     * {@link #publishAll} for events already in their JSON form, e.g. the body kept from the first publication when
     * the audit re-publishes an article exactly as it was sent.
     */
    public void publishBodies(List<String> bodies) {
        List<String> chunk = new ArrayList<>();
        int bytes = 0;
        for (String body : bodies) {
            int size = body.getBytes(StandardCharsets.UTF_8).length;
            if (!chunk.isEmpty() && bytes + size > MAX_BATCH_BYTES) {
                sender.sendAll(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(body);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            sender.sendAll(chunk);
        }
    }

    /** The JSON body of {@code article} as it goes on the queue. */
    public String body(ArticleIngested article) {
        try {
            return json.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ArticleIngested " + article.articleId() + " is not serialisable", e);
        }
    }
}

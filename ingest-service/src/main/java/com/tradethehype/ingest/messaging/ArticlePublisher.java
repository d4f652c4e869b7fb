package com.tradethehype.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.contracts.ArticleIngested;
import com.tradethehype.contracts.Queues;
import com.tradethehype.messaging.SqsQueues;
import com.tradethehype.messaging.SqsSender;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends {@link ArticleIngested} events to {@value Queues#ARTICLES_INGESTED} as JSON. */
@ApplicationScoped
public class ArticlePublisher {

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
        try {
            sender.send(json.writeValueAsString(article));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ArticleIngested " + article.articleId() + " is not serialisable", e);
        }
    }
}

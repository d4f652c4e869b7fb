-- Every article ingest-service has handed to SQS, keyed by articleId (SHA-256 of the canonical URL).
-- A row exists only if its ArticleIngested was accepted by SQS: the insert and the send share one transaction.
CREATE TABLE ingest.published_article (
    article_id    text        PRIMARY KEY,
    source        text        NOT NULL,
    url           text        NOT NULL,
    title         text        NOT NULL,
    published_at  timestamptz,
    first_seen_at timestamptz NOT NULL DEFAULT now()
);

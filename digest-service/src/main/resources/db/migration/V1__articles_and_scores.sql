-- Articles and their sentiment scores, as received from tth-articles-scored.
-- Idempotent on article_id (articles) and (article_id, model_id, model_version) (scores).
CREATE TABLE article (
    article_id    text PRIMARY KEY,
    source        text        NOT NULL,
    url           text        NOT NULL,
    title         text        NOT NULL,
    summary       text        NOT NULL DEFAULT '',
    lang          text        NOT NULL DEFAULT 'und',
    published_at  timestamptz NOT NULL,
    fetched_at    timestamptz NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX article_published_at_idx ON article (published_at DESC);

CREATE TABLE article_ticker (
    article_id  text NOT NULL REFERENCES article (article_id) ON DELETE CASCADE,
    ticker      text NOT NULL,
    PRIMARY KEY (article_id, ticker)
);
CREATE INDEX article_ticker_ticker_idx ON article_ticker (ticker, article_id);

CREATE TABLE article_score (
    article_id     text             NOT NULL REFERENCES article (article_id) ON DELETE CASCADE,
    model_id       text             NOT NULL,
    model_version  text             NOT NULL,
    positive       double precision NOT NULL,
    negative       double precision NOT NULL,
    neutral        double precision NOT NULL,
    label          text             NOT NULL,
    score          double precision NOT NULL,
    scored_at      timestamptz      NOT NULL,
    PRIMARY KEY (article_id, model_id, model_version)
);

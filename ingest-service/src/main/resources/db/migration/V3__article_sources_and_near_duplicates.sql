-- Near-duplicate merge: what a new headline is compared with, and every source that carried each article.
ALTER TABLE ingest.published_article
    ADD COLUMN tickers     text[],
    ADD COLUMN title_words text,
    ADD COLUMN weight      double precision NOT NULL DEFAULT 1;
CREATE INDEX published_article_first_seen ON ingest.published_article (first_seen_at);
CREATE INDEX published_article_tickers ON ingest.published_article USING gin (tickers);

-- One row per (source, item) that carried an article: the source that published it (similarity 1), the same URL
-- from another source (similarity 1), and near-duplicate headlines merged into it (their similarity).
CREATE TABLE ingest.article_source (
    article_id text             NOT NULL REFERENCES ingest.published_article (article_id) ON DELETE CASCADE,
    source     text             NOT NULL,
    item_id    text             NOT NULL, -- SHA-256 of this source's own canonical URL
    url        text             NOT NULL,
    similarity real             NOT NULL,
    weight     double precision NOT NULL DEFAULT 1,
    seen_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, source)
);
CREATE INDEX article_source_article ON ingest.article_source (article_id);

INSERT INTO ingest.article_source (article_id, source, item_id, url, similarity, seen_at)
SELECT article_id, source, article_id, url, 1, first_seen_at FROM ingest.published_article;

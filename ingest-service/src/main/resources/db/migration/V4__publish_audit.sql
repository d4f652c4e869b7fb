-- Issue 9: is every published article stored downstream? Until digest confirms it, a row keeps the event exactly as
-- sent (to re-publish it unchanged), how often and when it was re-published, and when it was reported missing.
-- Rows from before this migration have no event: if digest lacks one, it is reported, it cannot be re-sent.
ALTER TABLE ingest.published_article
    ADD COLUMN event               text,        -- the ArticleIngested JSON body; cleared once confirmed
    ADD COLUMN confirmed_at        timestamptz, -- when the audit saw digest hold it
    ADD COLUMN republished         integer NOT NULL DEFAULT 0,
    ADD COLUMN last_republished_at timestamptz,
    ADD COLUMN reported_at         timestamptz; -- re-delivery given up: reported missing (until digest has it)
CREATE INDEX published_article_unconfirmed ON ingest.published_article (first_seen_at, article_id)
    WHERE confirmed_at IS NULL;

-- Issue 9: an item its source did not date is stored undated; its published_at is then when ingest first saw it
-- (the event's fetchedAt), which is what places it in a digest window. Rows from before were all treated as dated.
ALTER TABLE article ADD COLUMN undated boolean NOT NULL DEFAULT false;

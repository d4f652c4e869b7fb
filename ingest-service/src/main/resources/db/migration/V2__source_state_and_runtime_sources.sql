-- What each source did last and over its lifetime, so GET /sources, health and conditional GETs survive restarts.
CREATE TABLE ingest.source_state (
    source               text        PRIMARY KEY,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error           text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    items_seen           bigint      NOT NULL DEFAULT 0,
    items_published      bigint      NOT NULL DEFAULT 0,
    last_result          jsonb,
    etag                 text,
    last_modified        text,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Sources added with POST /sources, and tombstones (removed = true) of configured sources deleted at run time.
CREATE TABLE ingest.source_definition (
    name             text             PRIMARY KEY,
    url              text             NOT NULL,
    kind             text             NOT NULL,
    enabled          boolean          NOT NULL DEFAULT true,
    tickers          text             NOT NULL DEFAULT '',
    interval_seconds bigint,
    weight           double precision NOT NULL DEFAULT 1,
    removed          boolean          NOT NULL DEFAULT false,
    updated_at       timestamptz      NOT NULL DEFAULT now()
);

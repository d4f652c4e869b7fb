-- Issue 7: what the ingested article said about its tickers, signals per digest day, subscribers, digests and
-- the delivery of each digest to each subscriber (claimed row by row so a mail goes out once per day).

ALTER TABLE article ADD COLUMN author_sentiment text;
ALTER TABLE article ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]';
CREATE INDEX article_stored_at_idx ON article (stored_at DESC);

CREATE TABLE subscriber (
    id          bigserial   PRIMARY KEY,
    email       text        NOT NULL,
    active      boolean     NOT NULL DEFAULT true,
    watchlist   text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subscriber_email_idx ON subscriber (lower(email));

-- One row per digest day; its numbers are computed once and reused by every sender of that day.
CREATE TABLE digest (
    digest_date    date        PRIMARY KEY,
    status         text        NOT NULL,   -- READY (signals found), QUIET (articles, no signal), NO_DATA
    window_start   timestamptz NOT NULL,
    window_end     timestamptz NOT NULL,
    articles       integer     NOT NULL,
    sources        integer     NOT NULL,
    scored         integer     NOT NULL,
    model_id       text,
    model_version  text,
    history_days   integer     NOT NULL,
    generated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE signal (
    digest_date          date             NOT NULL REFERENCES digest (digest_date) ON DELETE CASCADE,
    ticker               text             NOT NULL,
    kind                 text             NOT NULL,
    confidence           double precision NOT NULL,
    mentions             integer          NOT NULL,
    sources              integer          NOT NULL,
    scored               integer          NOT NULL,
    mean_score           double precision,
    positive_share       double precision,
    negative_share       double precision,
    author_tagged        integer          NOT NULL,
    author_bullish_share double precision,
    history_days         integer          NOT NULL,
    baseline_mean        double precision,
    baseline_std         double precision,
    z_score              double precision,
    explanation          text             NOT NULL,
    headlines            jsonb            NOT NULL,
    PRIMARY KEY (digest_date, ticker)
);
CREATE INDEX signal_ticker_idx ON signal (ticker, digest_date DESC);

CREATE TABLE delivery (
    digest_date      date        NOT NULL REFERENCES digest (digest_date) ON DELETE CASCADE,
    subscriber_id    bigint      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    status           text        NOT NULL DEFAULT 'PENDING',   -- PENDING, FAILED (will retry), SENT, GAVE_UP
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    message_id       text        NOT NULL,
    last_error       text,
    sent_at          timestamptz,
    PRIMARY KEY (digest_date, subscriber_id)
);
CREATE INDEX delivery_open_idx ON delivery (digest_date, next_attempt_at) WHERE status IN ('PENDING', 'FAILED');

-- User accounts of the dashboard. Emails are stored lower case; the subscriber lives in digest-service.
CREATE TABLE account (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    subscriber_id VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);

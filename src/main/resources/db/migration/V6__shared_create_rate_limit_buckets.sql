-- Bucket4j's token buckets (rate limits and login throttling), shared by every app instance.
CREATE TABLE rate_limit_bucket (
    id         varchar(300) PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);

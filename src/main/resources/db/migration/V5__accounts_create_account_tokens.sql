-- Single-use, expiring links mailed to members (e-mail verification, password reset).
-- Only a SHA-256 hash of each token is stored: a leaked table does not leak working links.
CREATE TABLE account_token (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    purpose    varchar(20) NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    -- for VERIFY_EMAIL: the address being verified (a new one after an e-mail change)
    email      citext,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    CHECK (expires_at > created_at)
);

CREATE UNIQUE INDEX account_token_hash_key ON account_token (token_hash);
CREATE INDEX account_token_member_idx ON account_token (member_id, purpose);

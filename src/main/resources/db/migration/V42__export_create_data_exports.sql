-- Members' data exports (module "export", issue 23): a job per request, built in the background by
-- whichever app instance claims it, its zip kept in the media storage for 7 days.
CREATE TABLE data_export (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id     bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    -- requested → running → ready → expired (file deleted), or failed after the last attempt.
    status        text        NOT NULL DEFAULT 'requested',
    requested_at  timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    -- Ready ones: when the file goes.
    expires_at    timestamptz,
    -- The zip's key in the media storage (a private key, never served by /media/) and its size.
    storage_key   text,
    file_size     bigint,
    attempts      integer     NOT NULL DEFAULT 0,
    -- A building instance holds the row until then; if it dies, another takes it after.
    claimed_until timestamptz,
    error         text,
    CONSTRAINT data_export_status_known CHECK (status IN ('requested', 'running', 'ready', 'failed', 'expired')),
    CONSTRAINT data_export_ready_has_file CHECK (status <> 'ready'
        OR (storage_key IS NOT NULL AND file_size IS NOT NULL AND finished_at IS NOT NULL AND expires_at IS NOT NULL))
);

-- A member's exports, newest first (the settings page, "one a day"); ON DELETE CASCADE of the member.
CREATE INDEX data_export_member_idx ON data_export (member_id, requested_at DESC, id DESC);
-- The worker's queue: the few rows not finished yet.
CREATE INDEX data_export_pending_idx ON data_export (requested_at, id) WHERE status IN ('requested', 'running');
-- The clean-up: ready exports by expiry.
CREATE INDEX data_export_expires_idx ON data_export (expires_at) WHERE status = 'ready';

-- Reports of members, posts, comments and messages, for the moderators. target_id refers to the
-- reported thing by id only (no foreign key: it lives in another module's table and may be
-- deleted while the report waits); target_member_id is its author at the time of the report and
-- excerpt a copy of what was reported, so that moderators can still judge after a deletion.
CREATE TABLE report (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Null once the reporter deleted their account: the report stays for the moderators.
    reporter_id      bigint REFERENCES member (id) ON DELETE SET NULL,
    target_type      text        NOT NULL,
    target_id        bigint      NOT NULL,
    target_member_id bigint REFERENCES member (id) ON DELETE SET NULL,
    excerpt          text,
    category         text,
    reason           text        NOT NULL,
    status           text        NOT NULL DEFAULT 'OPEN',
    created_at       timestamptz NOT NULL DEFAULT now(),
    handled_by       bigint REFERENCES member (id) ON DELETE SET NULL,
    handled_at       timestamptz,
    CONSTRAINT report_target_type_known CHECK (target_type IN ('MEMBER', 'POST', 'COMMENT', 'MESSAGE')),
    CONSTRAINT report_category_known CHECK (category IN ('SPAM', 'HARASSMENT', 'IMPERSONATION', 'INAPPROPRIATE', 'OTHER')),
    CONSTRAINT report_reason_length CHECK (char_length(btrim(reason)) >= 10 AND char_length(reason) <= 1000),
    CONSTRAINT report_excerpt_length CHECK (char_length(excerpt) <= 5000),
    CONSTRAINT report_status_known CHECK (status IN ('OPEN', 'DISMISSED', 'ACTIONED')),
    CONSTRAINT report_handled_unless_open CHECK ((status = 'OPEN') = (handled_at IS NULL))
);

-- The moderators' queue: open reports, oldest first, keyset on id.
CREATE INDEX report_open_idx ON report (id) WHERE status = 'OPEN';
-- One open report per reporter and thing: a double submit or a repeat stores nothing new.
CREATE UNIQUE INDEX report_open_once_key ON report (reporter_id, target_type, target_id) WHERE status = 'OPEN';
-- Suspending a member closes the open reports about them; ON DELETE SET NULL of the members.
CREATE INDEX report_target_member_idx ON report (target_member_id);
CREATE INDEX report_reporter_idx ON report (reporter_id);
CREATE INDEX report_handled_by_idx ON report (handled_by);

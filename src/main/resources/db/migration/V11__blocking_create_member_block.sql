-- A member blocks another: neither sees the other's profile details or posts, and no request or
-- message passes between them. One row per blocker and blocked member; the two directions are
-- separate rows (each side may block the other). The member's own rows go with their account.
CREATE TABLE member_block (
    blocker_id bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    blocked_id bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT member_block_not_self CHECK (blocker_id <> blocked_id)
);

-- "Who blocked me" (both directions are read on every feed and profile page), and
-- ON DELETE CASCADE of the blocked member.
CREATE INDEX member_block_blocked_idx ON member_block (blocked_id, blocker_id);
-- The settings list of members I blocked, newest first, keyset on (created_at, blocked_id).
CREATE INDEX member_block_list_idx ON member_block (blocker_id, created_at DESC, blocked_id DESC);

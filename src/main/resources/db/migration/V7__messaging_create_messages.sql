-- Private messages between two members. No foreign keys to member on purpose: when one side
-- deletes their account, the other keeps the conversation and sees "Deleted member".
CREATE TABLE message (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sender_id    bigint      NOT NULL,
    recipient_id bigint      NOT NULL,
    body         text        NOT NULL,
    sent_at      timestamptz NOT NULL DEFAULT now(),
    -- When the recipient saw it; null while unread.
    read_at      timestamptz,
    CONSTRAINT message_body_length CHECK (char_length(body) BETWEEN 1 AND 5000),
    CONSTRAINT message_not_to_self CHECK (sender_id <> recipient_id)
);

-- One conversation, newest first, keyset on id. Sending locks the pair's conversation row before
-- the message gets its id, so within a conversation id order is commit order (and send order):
-- "id > last seen" polling never skips a message.
CREATE INDEX message_conversation_idx
    ON message (least(sender_id, recipient_id), greatest(sender_id, recipient_id), id DESC);

-- Unread counts (navigation: per recipient; inbox rows: per recipient and sender) and marking
-- a conversation read touch only the unread rows, a small part of the table.
CREATE INDEX message_unread_idx ON message (recipient_id, sender_id) WHERE read_at IS NULL;

-- One row per pair that has exchanged messages (member_a < member_b), kept current on every
-- send, so that the inbox reads one row per conversation instead of grouping messages.
CREATE TABLE conversation (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_a        bigint NOT NULL,
    member_b        bigint NOT NULL,
    -- Null only inside the sending transaction that creates the row.
    last_message_id bigint REFERENCES message (id),
    CONSTRAINT conversation_ordered_pair CHECK (member_a < member_b)
);

CREATE UNIQUE INDEX conversation_pair_key ON conversation (member_a, member_b);

-- A member's inbox, most recent conversation first (message ids grow with time), one index per
-- side of the pair, merged by the query like the connection lists.
CREATE INDEX conversation_member_a_idx ON conversation (member_a, last_message_id DESC);
CREATE INDEX conversation_member_b_idx ON conversation (member_b, last_message_id DESC);

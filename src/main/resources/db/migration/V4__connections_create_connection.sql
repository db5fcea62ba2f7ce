-- Connections between members: a request from requester to receiver that the receiver accepts
-- or rejects. One row per pair of members, whichever direction: the unique index on the
-- unordered pair makes a second row impossible, even for two simultaneous requests.
CREATE TABLE connection (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    requester_id bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    receiver_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- When the receiver accepted or rejected; null while pending. For a rejection it starts the
    -- requester's cooldown (no new request to the same member for 30 days): the rejected row is
    -- kept, and a later request reuses it. Cancelling a request or removing a connection deletes
    -- the row, so the two can connect again.
    responded_at timestamptz,
    CONSTRAINT connection_status_known CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    CONSTRAINT connection_not_to_self CHECK (requester_id <> receiver_id),
    CONSTRAINT connection_responded_unless_pending CHECK ((status = 'PENDING') = (responded_at IS NULL))
);

CREATE UNIQUE INDEX connection_pair_key
    ON connection (least(requester_id, receiver_id), greatest(requester_id, receiver_id));

-- My accepted connections, newest first with a keyset on (responded_at, id): one index per
-- direction, merged by the query. The leading member column also serves the foreign keys'
-- ON DELETE CASCADE.
CREATE INDEX connection_requester_idx ON connection (requester_id, status, responded_at DESC, id DESC);
CREATE INDEX connection_receiver_idx ON connection (receiver_id, status, responded_at DESC, id DESC);

-- Pending requests received (the navigation badge counts these on every page) and sent.
CREATE INDEX connection_pending_received_idx ON connection (receiver_id, created_at DESC, id DESC)
    WHERE status = 'PENDING';
CREATE INDEX connection_pending_sent_idx ON connection (requester_id, created_at DESC, id DESC)
    WHERE status = 'PENDING';

-- In-app notifications (module "notifications", issue 20). One row per thing a member hears
-- about; activity on the same thing while it is unread joins that row (group_key): "Maya and 4
-- others applauded your post". Who took part is kept per row (notification_actor), so an actor
-- counts once however often they act, and a block can take them out again.
--
-- The rows point at what they are about with foreign keys to the other modules' tables: when the
-- post, the comment, the request or the credit goes, its notifications go with it (ON DELETE
-- CASCADE) — the database keeps "deleted things leave no notification" without any listener.
CREATE TABLE notification (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind          text        NOT NULL,
    -- The latest actor (shown by name); the others are counted from notification_actor.
    actor_id      bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    post_id       bigint      REFERENCES post (id) ON DELETE CASCADE,
    comment_id    bigint      REFERENCES comment (id) ON DELETE CASCADE,
    connection_id bigint      REFERENCES connection (id) ON DELETE CASCADE,
    credit_id     bigint      REFERENCES credit (id) ON DELETE CASCADE,
    -- A short text of the thing, fixed when it happened (a credit's "Gaffer · Title (2022)").
    detail        text,
    -- What joins activity into one row while unread: kind and thing, e.g. 'APPLAUSE_POST:12'.
    group_key     text        NOT NULL,
    -- Last activity: the list's order.
    updated_at    timestamptz NOT NULL DEFAULT now(),
    read_at       timestamptz,
    CONSTRAINT notification_kind_known CHECK (kind IN ('CONNECTION_REQUEST', 'CONNECTION_ACCEPTED', 'COMMENT',
        'THREAD_COMMENT', 'APPLAUSE_POST', 'APPLAUSE_COMMENT', 'CREDIT_CONFIRMED')),
    CONSTRAINT notification_not_to_self CHECK (actor_id <> recipient_id)
);

-- One unread row per member and thing: the upsert that groups activity relies on it.
CREATE UNIQUE INDEX notification_unread_group ON notification (recipient_id, group_key) WHERE read_at IS NULL;
-- The list, newest first with a keyset on (updated_at, id).
CREATE INDEX notification_recipient_idx ON notification (recipient_id, updated_at DESC, id DESC);
-- The navigation's unread count on every page.
CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL;
-- The cascades from the other tables.
CREATE INDEX notification_post_idx ON notification (post_id) WHERE post_id IS NOT NULL;
CREATE INDEX notification_comment_idx ON notification (comment_id) WHERE comment_id IS NOT NULL;
CREATE INDEX notification_connection_idx ON notification (connection_id) WHERE connection_id IS NOT NULL;
CREATE INDEX notification_credit_idx ON notification (credit_id) WHERE credit_id IS NOT NULL;
CREATE INDEX notification_actor_member_idx ON notification (actor_id);

CREATE TABLE notification_actor (
    notification_id bigint NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    actor_id        bigint NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    PRIMARY KEY (notification_id, actor_id)
);
CREATE INDEX notification_actor_actor_idx ON notification_actor (actor_id);

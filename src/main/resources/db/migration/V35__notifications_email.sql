-- Notification e-mails (module "notifications", issue 20).

-- One row per member who changed the setting or got a mail; no row means the default: a daily digest.
CREATE TABLE notification_setting (
    member_id         bigint PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    email_frequency   text        NOT NULL DEFAULT 'daily',
    -- The key of the one-click unsubscribe link in every mail (GET/POST /unsubscribe/{token}): it can
    -- only turn the member's mails off. 32 random bytes, base64url; made with the first mail.
    unsubscribe_token text UNIQUE,
    -- The day (in the digest's time zone) of the last digest run for this member, and the moment
    -- it covered activity up to: the next digest tells what came after. Together with the row lock
    -- taken while a digest is made, "digest_on < today" makes it one digest per member per day,
    -- whichever instance runs it and however often.
    digest_on         date,
    digest_through    timestamptz,
    CONSTRAINT notification_setting_frequency CHECK (email_frequency IN ('immediately', 'daily', 'never'))
);

-- The mails waiting to go out, written in the same transaction as what they tell (a notification,
-- a digest's "done for today"): a crash never loses one that was decided, and a rolled-back
-- transaction never sends one. Every instance delivers, claiming rows with SKIP LOCKED.
CREATE TABLE notification_mail (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id    bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind            text        NOT NULL,
    to_address      text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    unsubscribe_url text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- A delivering instance holds the row until then; if it dies, another takes it after.
    claimed_until   timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    sent_at         timestamptz,
    CONSTRAINT notification_mail_kind CHECK (kind IN ('immediate', 'digest'))
);
CREATE INDEX notification_mail_due_idx ON notification_mail (id) WHERE sent_at IS NULL;
CREATE INDEX notification_mail_recipient_idx ON notification_mail (recipient_id);
CREATE INDEX notification_mail_sent_idx ON notification_mail (sent_at) WHERE sent_at IS NOT NULL;

-- "At most one mail per thread per 10 minutes" for members who want mails immediately: the time
-- of the last mail per member and thread (a post, a request, a credit, a conversation). An upsert
-- that only succeeds when the last one is old enough makes it hold under concurrent events.
CREATE TABLE notification_mail_throttle (
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    thread_key text        NOT NULL,
    mailed_at  timestamptz NOT NULL,
    PRIMARY KEY (member_id, thread_key)
);
CREATE INDEX notification_mail_throttle_time_idx ON notification_mail_throttle (mailed_at);

-- The digest's candidates: unread notifications by time of last activity.
CREATE INDEX notification_unread_time_idx ON notification (updated_at) WHERE read_at IS NULL;

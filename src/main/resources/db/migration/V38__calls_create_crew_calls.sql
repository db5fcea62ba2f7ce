-- Crew calls (module "calls", issue 22): a job with the pay stated or plainly unpaid, applications
-- with a note and chosen credits and portfolio items, and an answer for every applicant.
CREATE TABLE crew_call (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    poster_id      bigint        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    title          text          NOT NULL,
    role           text          NOT NULL,
    production_id  bigint        REFERENCES production (id) ON DELETE SET NULL,
    -- Null with remote = true ("remote"), else where the work is.
    location       text,
    remote         boolean       NOT NULL DEFAULT false,
    start_date     date          NOT NULL,
    end_date       date          NOT NULL,
    -- Pay: a rate per unit in a currency (ISO 4217), or plainly unpaid; never both, never neither.
    pay_rate       numeric(12,2),
    pay_unit       text,
    currency       text,
    unpaid         boolean       NOT NULL DEFAULT false,
    deadline       date          NOT NULL,
    description    text          NOT NULL,
    -- OPEN until the poster closes it (FILLED or CANCELLED) or a moderator removes it (REMOVED).
    status         text          NOT NULL DEFAULT 'OPEN',
    created_at     timestamptz   NOT NULL DEFAULT now(),
    closed_at      timestamptz,
    -- The searchable forms (mp_search_words, V9) of role and place, for the list's filters.
    role_words     text GENERATED ALWAYS AS (mp_search_words(role)) STORED,
    location_words text GENERATED ALWAYS AS (mp_search_words(coalesce(location, ''))) STORED,
    CONSTRAINT crew_call_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 120),
    CONSTRAINT crew_call_role_length CHECK (char_length(btrim(role)) BETWEEN 1 AND 60),
    CONSTRAINT crew_call_description_length CHECK (char_length(btrim(description)) BETWEEN 1 AND 5000),
    CONSTRAINT crew_call_place CHECK ((remote AND location IS NULL)
        OR (NOT remote AND location IS NOT NULL AND char_length(btrim(location)) BETWEEN 1 AND 80)),
    CONSTRAINT crew_call_dates_in_order CHECK (end_date >= start_date AND end_date - start_date <= 730),
    CONSTRAINT crew_call_deadline_before_end CHECK (deadline <= end_date),
    CONSTRAINT crew_call_pay_or_unpaid CHECK (
        (unpaid AND pay_rate IS NULL AND pay_unit IS NULL AND currency IS NULL)
        OR (NOT unpaid AND pay_rate > 0 AND pay_unit IS NOT NULL AND currency IS NOT NULL)),
    CONSTRAINT crew_call_pay_unit CHECK (pay_unit IS NULL OR pay_unit IN ('hour', 'day', 'week', 'flat')),
    CONSTRAINT crew_call_currency CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
    CONSTRAINT crew_call_status CHECK (status IN ('OPEN', 'FILLED', 'CANCELLED', 'REMOVED')),
    CONSTRAINT crew_call_closed_at CHECK ((status = 'OPEN') = (closed_at IS NULL))
);

-- The list: open calls, newest first, keyset on (created_at, id).
CREATE INDEX crew_call_open_idx ON crew_call (created_at DESC, id DESC) WHERE status = 'OPEN';
-- Filters on role and place (trigram, like people search).
CREATE INDEX crew_call_role_trgm ON crew_call USING gin (role_words gin_trgm_ops) WHERE status = 'OPEN';
CREATE INDEX crew_call_location_trgm ON crew_call USING gin (location_words gin_trgm_ops) WHERE status = 'OPEN';
-- A poster's calls (the limit of open calls, "my calls").
CREATE INDEX crew_call_poster_idx ON crew_call (poster_id, created_at DESC);
CREATE INDEX crew_call_production_idx ON crew_call (production_id) WHERE production_id IS NOT NULL;

CREATE TABLE call_application (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    call_id      bigint      NOT NULL REFERENCES crew_call (id) ON DELETE CASCADE,
    applicant_id bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    note         text,
    -- APPLIED, then the poster's SHORTLISTED or DECLINED; the call's own status tells filled/cancelled.
    status       text        NOT NULL DEFAULT 'APPLIED',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT call_application_once UNIQUE (call_id, applicant_id),
    CONSTRAINT call_application_note_length CHECK (note IS NULL OR char_length(note) BETWEEN 1 AND 1000),
    CONSTRAINT call_application_status CHECK (status IN ('APPLIED', 'SHORTLISTED', 'DECLINED'))
);
-- The poster's list in arrival order; the applicant's own list.
CREATE INDEX call_application_call_idx ON call_application (call_id, created_at, id);
CREATE INDEX call_application_applicant_idx ON call_application (applicant_id, created_at DESC, id DESC);

-- What an applicant chose to show: up to 5 of their credits and portfolio items.
CREATE TABLE call_application_work (
    application_id bigint NOT NULL REFERENCES call_application (id) ON DELETE CASCADE,
    credit_id      bigint REFERENCES credit (id) ON DELETE CASCADE,
    item_id        bigint REFERENCES portfolio_item (id) ON DELETE CASCADE,
    CONSTRAINT call_application_work_one CHECK ((credit_id IS NULL) <> (item_id IS NULL))
);
CREATE UNIQUE INDEX call_application_work_credit ON call_application_work (application_id, credit_id) WHERE credit_id IS NOT NULL;
CREATE UNIQUE INDEX call_application_work_item ON call_application_work (application_id, item_id) WHERE item_id IS NOT NULL;
CREATE INDEX call_application_work_credit_idx ON call_application_work (credit_id) WHERE credit_id IS NOT NULL;
CREATE INDEX call_application_work_item_idx ON call_application_work (item_id) WHERE item_id IS NOT NULL;

-- Notifications about calls (module "notifications"): applications to my call, my application's answer.
ALTER TABLE notification ADD COLUMN call_id bigint REFERENCES crew_call (id) ON DELETE CASCADE;
CREATE INDEX notification_call_idx ON notification (call_id) WHERE call_id IS NOT NULL;
ALTER TABLE notification DROP CONSTRAINT notification_kind_known;
ALTER TABLE notification ADD CONSTRAINT notification_kind_known CHECK (kind IN ('CONNECTION_REQUEST', 'CONNECTION_ACCEPTED',
    'COMMENT', 'THREAD_COMMENT', 'APPLAUSE_POST', 'APPLAUSE_COMMENT', 'CREDIT_CONFIRMED',
    'CALL_APPLICATION', 'CALL_SHORTLISTED', 'CALL_DECLINED', 'CALL_FILLED', 'CALL_CANCELLED'));

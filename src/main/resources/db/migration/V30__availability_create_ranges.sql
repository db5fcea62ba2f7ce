-- Availability (module "availability"): a member's date ranges with a status, and who may see the
-- answer they give. Dates are calendar dates (type date): never shifted by a time zone.

-- GiST on (member_id, period) for the exclusion constraint needs btree_gist's operators for bigint.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE availability_range (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    start_date date        NOT NULL,
    end_date   date        NOT NULL,
    -- Inclusive on both ends, as members enter them; stored normalised as [start, end + 1).
    period     daterange   GENERATED ALWAYS AS (daterange(start_date, end_date, '[]')) STORED,
    status     text        NOT NULL,
    hold_rank  smallint,
    -- Production, client: seen by the owner only (their page and their own calendar feed).
    note       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT availability_range_status_known CHECK (status IN ('AVAILABLE', 'HOLD', 'BOOKED')),
    -- A hold is pencilled first or second; the other states have no rank.
    CONSTRAINT availability_range_hold_rank CHECK (
        (status = 'HOLD' AND hold_rank IN (1, 2)) OR (status <> 'HOLD' AND hold_rank IS NULL)),
    CONSTRAINT availability_range_ordered CHECK (end_date >= start_date),
    -- At most two years long (the "three years ahead" limit depends on today: checked in code).
    CONSTRAINT availability_range_at_most_two_years CHECK (end_date < start_date + interval '2 years'),
    CONSTRAINT availability_range_note_length CHECK (char_length(note) <= 200),
    -- One member's ranges never overlap, whatever the code does and however many requests race.
    -- Its index, (member_id, period), also serves every read: a member's ranges over a period.
    CONSTRAINT availability_range_no_overlap EXCLUDE USING gist (member_id WITH =, period WITH &&)
);

-- Who may see a member's answers, and their private calendar feed. No row: the defaults
-- (visible to connections, no feed).
CREATE TABLE availability_setting (
    member_id       bigint PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    visibility      text   NOT NULL DEFAULT 'CONNECTIONS',
    -- SHA-256 of the feed's token: the address is shown once when made; a leaked table reveals no feed.
    feed_token_hash bytea  UNIQUE,
    CONSTRAINT availability_setting_visibility_known CHECK (visibility IN ('EVERYONE', 'CONNECTIONS', 'NOBODY'))
);

-- The module's documented SQL function (used by people search and the profile strip): what
-- member tells viewer about the days first_day..last_day (inclusive), or NULL when viewer may not
-- know (not logged in, not allowed by the member's visibility). Only the answer, never a range:
--   'available'   every day of the period lies in an AVAILABLE range;
--   'partly'      some day does, and no day of the period is BOOKED;
--   'unavailable' otherwise (nothing entered counts as not available).
-- Ranges never overlap, so the available days are the sum of the overlaps' lengths. One index
-- probe on (member_id, period) for the ranges, one primary-key probe for the setting and, for
-- 'connections', one probe of the connection pair index.
CREATE FUNCTION mp_availability(member bigint, viewer bigint, first_day date, last_day date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (
        SELECT CASE
                   WHEN a.available_days = last_day - first_day + 1 THEN 'available'
                   WHEN a.available_days > 0 AND NOT a.booked THEN 'partly'
                   ELSE 'unavailable'
               END
        FROM (SELECT coalesce((SELECT s.visibility FROM public.availability_setting s WHERE s.member_id = member),
                              'CONNECTIONS') AS visibility) v,
             (SELECT coalesce(sum(upper(r.period * q.period) - lower(r.period * q.period))
                                  FILTER (WHERE r.status = 'AVAILABLE'), 0) AS available_days,
                     coalesce(bool_or(r.status = 'BOOKED'), false) AS booked
              FROM (SELECT daterange(first_day, greatest(first_day, last_day), '[]') AS period) q
              JOIN public.availability_range r ON r.member_id = member AND r.period && q.period) a
        WHERE viewer IS NOT NULL AND first_day <= last_day
          AND (viewer = member OR v.visibility = 'EVERYONE'
               OR (v.visibility = 'CONNECTIONS' AND public.mp_connected(member, viewer))));

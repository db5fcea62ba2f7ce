-- The connections module's documented SQL function for a connection test once per row (issue 17):
-- the accepted connection between two members, whichever asked, as one row, or no row. Callers
-- write EXISTS (SELECT 1 FROM mp_accepted_connection(a, b)). A set-returning SQL function that is
-- not STRICT, so the planner inlines it into the calling statement, where the test becomes one
-- probe of the unique index on the unordered pair (V4), ~2 µs. mp_connected (V29) asks the same
-- but, as a scalar SQL function with a sub-select, is never inlined: every call ran as a statement
-- of its own, ~7 µs (100,000 calls, docs/benchmarks.md), and the search by dates alone made one
-- for each of the ~37,000 members at 100,000 whose days qualified.
CREATE FUNCTION mp_accepted_connection(member_a bigint, member_b bigint)
    RETURNS TABLE (id bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.id FROM public.connection c
        WHERE least(c.requester_id, c.receiver_id) = least(member_a, member_b)
          AND greatest(c.requester_id, c.receiver_id) = greatest(member_a, member_b)
          AND c.status = 'ACCEPTED'
    $$;

-- One rule, one place: mp_connected keeps its answer for single questions and asks the function above.
CREATE OR REPLACE FUNCTION mp_connected(member_a bigint, member_b bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE STRICT
    RETURN EXISTS (SELECT 1 FROM public.mp_accepted_connection(member_a, member_b));

-- The availability module's functions (V30, V31, V49) unchanged but for their connection test,
-- which is now planned into them (and into the search statement that inlines mp_available_to).
CREATE OR REPLACE FUNCTION mp_availability(member bigint, viewer bigint, first_day date, last_day date) RETURNS text
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
               OR (v.visibility = 'CONNECTIONS'
                   AND EXISTS (SELECT 1 FROM public.mp_accepted_connection(member, viewer)))));

CREATE OR REPLACE FUNCTION mp_available_to(member bigint, viewer bigint, first_day date, last_day date, with_partly boolean)
    RETURNS TABLE (answer text)
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN a.available_days = last_day - first_day + 1 THEN 'available' ELSE 'partly' END
    FROM (SELECT coalesce(sum(least(r.end_date, last_day) - greatest(r.start_date, first_day) + 1)
                              FILTER (WHERE r.status = 'AVAILABLE'), 0) AS available_days,
                 coalesce(bool_or(r.status = 'BOOKED'), false) AS booked
          FROM public.availability_range r
          WHERE r.member_id = member AND r.end_date >= first_day AND r.start_date <= last_day) a
    WHERE CASE
              WHEN viewer IS NULL OR first_day > last_day THEN false
              WHEN a.available_days = last_day - first_day + 1
                   OR (with_partly AND a.available_days > 0 AND NOT a.booked)
                  THEN viewer = member
                       OR CASE coalesce((SELECT s.visibility FROM public.availability_setting s WHERE s.member_id = member),
                                        'CONNECTIONS')
                              WHEN 'EVERYONE' THEN true
                              WHEN 'CONNECTIONS' THEN EXISTS (SELECT 1 FROM public.mp_accepted_connection(member, viewer))
                              ELSE false
                          END
              ELSE false
          END
$$;

CREATE OR REPLACE FUNCTION mp_availability_periods(member bigint, viewer bigint, firsts date[], lasts date[])
    RETURNS TABLE (answers text[])
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT CASE
                   WHEN viewer IS NOT NULL
                        AND (viewer = member OR v.visibility = 'EVERYONE'
                             OR (v.visibility = 'CONNECTIONS'
                                 AND EXISTS (SELECT 1 FROM public.mp_accepted_connection(member, viewer))))
                   THEN (SELECT array_agg(CASE
                                              WHEN w.available_days = w.last_day - w.first_day + 1 THEN 'available'
                                              WHEN w.available_days > 0 AND NOT w.booked THEN 'partly'
                                              ELSE 'unavailable'
                                          END ORDER BY w.n)
                         FROM (SELECT p.n, p.first_day, p.last_day,
                                      coalesce(sum(upper(r.period * p.period) - lower(r.period * p.period))
                                                   FILTER (WHERE r.status = 'AVAILABLE'), 0) AS available_days,
                                      coalesce(bool_or(r.status = 'BOOKED'), false) AS booked
                               FROM (SELECT u.first_day, u.last_day, u.n,
                                            daterange(u.first_day, greatest(u.first_day, u.last_day), '[]') AS period
                                     FROM unnest(firsts, lasts) WITH ORDINALITY AS u(first_day, last_day, n)) p
                               LEFT JOIN (SELECT r.period, r.status FROM public.availability_range r
                                          WHERE r.member_id = member
                                            AND r.period && daterange((SELECT min(f) FROM unnest(firsts) f),
                                                                      (SELECT max(greatest(l.l, l.f)) FROM unnest(firsts, lasts) AS l(f, l)), '[]')) r
                                      ON r.period && p.period
                               GROUP BY p.n, p.first_day, p.last_day) w)
               END
        FROM (SELECT coalesce((SELECT s.visibility FROM public.availability_setting s WHERE s.member_id = member),
                              'CONNECTIONS') AS visibility) v
    $$;

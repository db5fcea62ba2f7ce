-- The availability module's documented SQL function for a run of periods (the profile page's strip
-- of weeks, issue 17): in one row, the answer for each period in order ('available', 'partly',
-- 'unavailable', as mp_availability gives them, V30), or null when the viewer may not know (not
-- logged in, or not let know by the member's visibility). The profiles module joins it into the
-- page's own statement, where asking the module's Java API cost one more statement per view;
-- the API (StripWeeks, from Availability.stripWeeks) turns the array into the strip. The visibility
-- is asked once, the member's ranges over all the periods are read once (one probe of the gist
-- index on (member_id, period): a probe per period cost five times as much), and each period sums
-- its overlaps from those few rows. Not STRICT, so that the planner inlines it.
-- AvailabilitySqlFunctionsIntegrationTests checks that it answers as mp_availability does, period
-- by period, on random calendars.
CREATE FUNCTION mp_availability_periods(member bigint, viewer bigint, firsts date[], lasts date[])
    RETURNS TABLE (answers text[])
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT CASE
                   WHEN viewer IS NOT NULL
                        AND (viewer = member OR v.visibility = 'EVERYONE'
                             OR (v.visibility = 'CONNECTIONS' AND public.mp_connected(member, viewer)))
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

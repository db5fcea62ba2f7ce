-- Search by dates at 100,000 members with ~20 ranges each (docs/benchmarks.md, "Availability
-- filter in people search"). Calling the scalar mp_availability (V30) once per candidate cost
-- 65–100 µs: a SQL function with sub-selects is never inlined, so each call is a statement of its
-- own; and each candidate paid for the visibility check, and a GiST descent, too.
--
-- 1. A B-tree on (member_id, end_date) with the columns the answer needs: one member's ranges that
--    end on or after the period's first day, read from the index alone (~10 µs per candidate). The
--    GiST index of the exclusion constraint stays the guard against overlaps.
CREATE INDEX availability_range_member_days ON availability_range (member_id, end_date) INCLUDE (start_date, status);

-- 2. mp_available_to: the same rule and the same visibility as mp_availability, shaped for a
--    search. A set-returning SQL function, which the planner inlines into the calling query (the
--    index scan above becomes part of the search plan). It returns one row, the answer, only when
--    the member is available for the period (or partly, with with_partly) AND the viewer may know;
--    otherwise no row. The visibility test sits inside one CASE after the answer, so it runs only
--    for members whose days already qualify (most do not), never for every candidate.
--    AvailabilitySqlFunctionsIntegrationTests checks that the two functions always agree.
CREATE FUNCTION mp_available_to(member bigint, viewer bigint, first_day date, last_day date, with_partly boolean)
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
                              WHEN 'CONNECTIONS' THEN public.mp_connected(member, viewer)
                              ELSE false
                          END
              ELSE false
          END
$$;

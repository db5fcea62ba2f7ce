-- Search by dates, set-based (issue 17): at 100,000 members a search by a period alone took 600 ms,
-- because mp_available_to (V31) read every member's ranges with an index probe of its own (~5 µs
-- each, for all 99,999 other members) before the facets could count the answers.
--
-- 1. Each member's calendar in one row: the days marked available and the days booked, as
--    multiranges (adjacent ranges merge, so "every day of the period is available" is one
--    containment test). Kept by the triggers below from availability_range, the only source of
--    truth, in the statement that changes the ranges; a member without ranges has no row.
CREATE TABLE availability_calendar (
    member_id bigint PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    available datemultirange NOT NULL,
    booked    datemultirange NOT NULL
);

-- No index on the multiranges: a GiST index keys each one by the range that bounds it, about three
-- years for a generated member, so for a month three years ahead it still returned 85,159 of the
-- 100,000 calendars to recheck (39,683 matched). Reading every calendar costs ~0.4 µs a member.

-- 2. The triggers: one per kind of statement, each with its transition table(s), so a statement
--    that writes many ranges (the synthetic generator: 2 million in one) recomputes each member
--    once. A member's row is locked before it is recomputed, and the recomputing statement, run
--    after the lock is granted, sees every range committed before it (READ COMMITTED): of two
--    transactions changing one member's ranges at once, the second waits for the first and then
--    recomputes the calendar with the first one's change in it.
CREATE FUNCTION availability_calendar_refresh() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    touched bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT n.member_id) INTO touched FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT o.member_id) INTO touched FROM old_rows o;
    ELSE
        SELECT array_agg(DISTINCT t.member_id) INTO touched
        FROM (SELECT n.member_id FROM new_rows n UNION SELECT o.member_id FROM old_rows o) t;
    END IF;
    IF touched IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        -- A member's first range: the row to lock (a concurrent first range waits here).
        INSERT INTO availability_calendar (member_id, available, booked)
        SELECT t.member_id, '{}', '{}' FROM unnest(touched) AS t(member_id) ORDER BY t.member_id
        ON CONFLICT (member_id) DO NOTHING;
    END IF;
    -- Joined to the members (not "= ANY (touched)", a linear search of the array for every row:
    -- the generator's one statement touches 100,000 members).
    PERFORM 1 FROM availability_calendar c JOIN unnest(touched) AS t(member_id) ON t.member_id = c.member_id
    ORDER BY c.member_id FOR UPDATE OF c;
    DELETE FROM availability_calendar c USING unnest(touched) AS t(member_id)
    WHERE c.member_id = t.member_id
      AND NOT EXISTS (SELECT 1 FROM availability_range r WHERE r.member_id = c.member_id);
    INSERT INTO availability_calendar (member_id, available, booked)
    SELECT r.member_id,
           coalesce(range_agg(r.period) FILTER (WHERE r.status = 'AVAILABLE'), '{}'),
           coalesce(range_agg(r.period) FILTER (WHERE r.status = 'BOOKED'), '{}')
    FROM unnest(touched) AS t(member_id)
    JOIN availability_range r ON r.member_id = t.member_id
    GROUP BY r.member_id
    ON CONFLICT (member_id) DO UPDATE SET available = excluded.available, booked = excluded.booked;
    RETURN NULL;
END
$$;

CREATE TRIGGER availability_calendar_after_insert AFTER INSERT ON availability_range
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_calendar_refresh();
CREATE TRIGGER availability_calendar_after_update AFTER UPDATE ON availability_range
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_calendar_refresh();
CREATE TRIGGER availability_calendar_after_delete AFTER DELETE ON availability_range
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION availability_calendar_refresh();

INSERT INTO availability_calendar (member_id, available, booked)
SELECT r.member_id,
       coalesce(range_agg(r.period) FILTER (WHERE r.status = 'AVAILABLE'), '{}'),
       coalesce(range_agg(r.period) FILTER (WHERE r.status = 'BOOKED'), '{}')
FROM availability_range r
GROUP BY r.member_id;

-- 3. The connections module's documented SQL function for a set of members at once: the members
--    connected to one (accepted, whichever asked), from the indexes on each side of a connection.
--    Inlined by the planner; `x IN (SELECT member_id FROM mp_connections_of(viewer))` lets it read
--    the viewer's connections once into a hash table, where mp_accepted_connection (V52) probes the
--    pair index once per row.
CREATE FUNCTION mp_connections_of(member bigint)
    RETURNS TABLE (member_id bigint)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.receiver_id FROM public.connection c WHERE c.requester_id = member AND c.status = 'ACCEPTED'
        UNION ALL
        SELECT c.requester_id FROM public.connection c WHERE c.receiver_id = member AND c.status = 'ACCEPTED'
    $$;

-- 4. The availability module's documented search function, set-based: every member available for
--    the period (or partly, with with_partly: some day available and none booked) who lets the
--    viewer know, with the answer. The same rule and the same visibility as mp_availability (V30);
--    AvailabilitySqlFunctionsIntegrationTests checks that they agree. Inlined by the planner: a
--    search by a period alone joins it on member_id and reads every calendar once, with the
--    viewer's connections read once into a hash table, instead of a probe per member.
CREATE FUNCTION mp_available_members(viewer bigint, first_day date, last_day date, with_partly boolean)
    RETURNS TABLE (member_id bigint, answer text)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.member_id, CASE WHEN c.available @> q.period THEN 'available' ELSE 'partly' END
        FROM (SELECT daterange(first_day, greatest(first_day, last_day), '[]') AS period
              WHERE viewer IS NOT NULL AND first_day <= last_day) q
        JOIN public.availability_calendar c
          ON c.available && q.period
         AND (c.available @> q.period OR (with_partly AND NOT c.booked && q.period))
        LEFT JOIN public.availability_setting s ON s.member_id = c.member_id
        WHERE c.member_id = viewer
           OR coalesce(s.visibility, 'CONNECTIONS') = 'EVERYONE'
           OR (coalesce(s.visibility, 'CONNECTIONS') = 'CONNECTIONS'
               AND c.member_id IN (SELECT m.member_id FROM public.mp_connections_of(viewer) m))
    $$;

-- mp_available_to (V31) keeps its signature and answers from the calendar too, for one member: a
-- primary-key probe of that member's calendar and, for a connections-only member, one probe of the
-- pair index (mp_accepted_connection, V52) rather than the viewer's whole network in a hash table
-- (20,270 connections for the most-connected member, ~4 ms, for a search with a dozen candidates).
-- The rule is the one above, written for one member; the tests check that both agree with
-- mp_availability. OFFSET 0 keeps it a sub-query of its own, run for each candidate of a LATERAL
-- join as before: flattened into the search, it left the planner free to read every calendar
-- first (37,571 with an available day at 100,000 members), and it did, misjudging how many pass
-- the visibility test, for searches with a dozen candidates.
CREATE OR REPLACE FUNCTION mp_available_to(member bigint, viewer bigint, first_day date, last_day date, with_partly boolean)
    RETURNS TABLE (answer text)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT CASE WHEN c.available @> q.period THEN 'available' ELSE 'partly' END
        FROM (SELECT daterange(first_day, greatest(first_day, last_day), '[]') AS period
              WHERE viewer IS NOT NULL AND first_day <= last_day) q
        JOIN public.availability_calendar c
          ON c.member_id = member
         AND (c.available @> q.period OR (with_partly AND c.available && q.period AND NOT c.booked && q.period))
        LEFT JOIN public.availability_setting s ON s.member_id = c.member_id
        WHERE c.member_id = viewer
           OR coalesce(s.visibility, 'CONNECTIONS') = 'EVERYONE'
           OR (coalesce(s.visibility, 'CONNECTIONS') = 'CONNECTIONS'
               AND EXISTS (SELECT 1 FROM public.mp_accepted_connection(c.member_id, viewer)))
        OFFSET 0
    $$;

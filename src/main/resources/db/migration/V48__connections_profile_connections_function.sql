-- The connections module's documented SQL function for the profile page (issue 17): the owner's
-- number of accepted connections (connection_tally, V46) and the connection row between viewer and
-- owner (mp_connection_between, V47), always exactly one row; no connection row when the viewer is
-- null (an anonymous visitor) or the owner. The profiles module joins it into the page's own
-- statement, where asking the module's Java API cost one more statement per view; the API
-- (Connections.profileConnections with a ProfileConnectionRow) turns the columns into the facts the
-- page shows and adds the mutual connections. Not STRICT, so that the planner inlines it.
CREATE FUNCTION mp_profile_connections(viewer bigint, member bigint)
    RETURNS TABLE (accepted_count bigint, id bigint, requester_id bigint, status text, responded_at timestamptz)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT coalesce((SELECT t.accepted FROM public.connection_tally t WHERE t.member_id = member), 0)::bigint,
               c.id, c.requester_id, c.status, c.responded_at
        FROM (SELECT 1) AS one
        LEFT JOIN public.mp_connection_between(viewer, member) c ON viewer IS NOT NULL AND viewer <> member
    $$;

-- The connections module's documented SQL function: the connection row (request, acceptance or
-- rejection) between two members, whichever asked, or no row. For statements of other modules
-- that show a connection state next to each member they list (people search, issue 17), where
-- asking the module's Java API would cost one more statement per page. The module's Java API
-- (Connections.stateOf) turns the columns into the state a page shows. Served by the unique index
-- on the unordered pair (V4). Not STRICT, so that the planner can inline it into the caller.
CREATE FUNCTION mp_connection_between(viewer bigint, other bigint)
    RETURNS TABLE (id bigint, requester_id bigint, status text, responded_at timestamptz)
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.id, c.requester_id, c.status, c.responded_at FROM public.connection c
        WHERE least(c.requester_id, c.receiver_id) = least(viewer, other)
          AND greatest(c.requester_id, c.receiver_id) = greatest(viewer, other)
    $$;

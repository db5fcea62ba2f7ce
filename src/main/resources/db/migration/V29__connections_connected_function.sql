-- The connections module's documented SQL function: are two members connected (an accepted
-- request either way)? For queries of other modules that must decide this per row (the
-- availability answer in people search), where asking the module's Java API for every candidate
-- would cost a statement each. Served by the unique index on the unordered pair (V4).
CREATE FUNCTION mp_connected(member_a bigint, member_b bigint) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE STRICT
    RETURN EXISTS (
        SELECT 1 FROM public.connection c
        WHERE least(c.requester_id, c.receiver_id) = least(member_a, member_b)
          AND greatest(c.requester_id, c.receiver_id) = greatest(member_a, member_b)
          AND c.status = 'ACCEPTED');

-- The connections module's documented SQL function: the note of a request that is still pending
-- for its receiver, or null (no note, answered, withdrawn, or asked by someone else). For the
-- notifications module's lists and mails, which show a request's note next to "asked to connect
-- with you" without one more statement per page; the note is read where it lives, so a request
-- answered, withdrawn or removed by a block shows nothing, and no copy of the note is kept with the
-- notification. One primary-key probe per row.
CREATE FUNCTION mp_pending_request_note(request bigint, receiver bigint)
    RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$
        SELECT c.note FROM public.connection c
        WHERE c.id = request AND c.receiver_id = receiver AND c.status = 'PENDING'
    $$;

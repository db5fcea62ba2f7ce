-- Each member's number of accepted connections, kept by the database itself. A profile shows the
-- owner's count and the mutual connections with the viewer; counting a hub's 20,000 connections on
-- every view cost more than the rest of the page (docs/benchmarks.md, issue 17), and the mutual
-- connections are now found from whichever side of the pair is smaller, which needs both sizes.
CREATE TABLE connection_tally (
    member_id bigint PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    accepted  integer NOT NULL CHECK (accepted >= 0)
);

INSERT INTO connection_tally (member_id, accepted)
SELECT member_id, count(*)
FROM (SELECT requester_id AS member_id FROM connection WHERE status = 'ACCEPTED'
      UNION ALL
      SELECT receiver_id FROM connection WHERE status = 'ACCEPTED') ends
GROUP BY member_id;

-- Statement-level triggers with transition tables: one pass per statement, so the generator's bulk
-- inserts and a member's deletion (which cascades to all their connections) cost one aggregate,
-- not a row-by-row upsert. Rows change in member order, so two statements never wait on each other
-- in opposite orders. Decreases only update (a deleted member's own row goes with the member);
-- increases insert the row when it is missing.
CREATE FUNCTION connection_tally_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO connection_tally AS t (member_id, accepted)
    SELECT member_id, count(*)
    FROM (SELECT requester_id AS member_id FROM new_rows WHERE status = 'ACCEPTED'
          UNION ALL
          SELECT receiver_id FROM new_rows WHERE status = 'ACCEPTED') ends
    GROUP BY member_id
    ORDER BY member_id
    ON CONFLICT (member_id) DO UPDATE SET accepted = t.accepted + excluded.accepted;
    RETURN NULL;
END;
$$;

CREATE FUNCTION connection_tally_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE connection_tally AS t SET accepted = t.accepted - d.n
    FROM (SELECT member_id, count(*) AS n
          FROM (SELECT requester_id AS member_id FROM old_rows WHERE status = 'ACCEPTED'
                UNION ALL
                SELECT receiver_id FROM old_rows WHERE status = 'ACCEPTED') ends
          GROUP BY member_id) d
    WHERE t.member_id = d.member_id;
    RETURN NULL;
END;
$$;

-- An update may accept a request, or turn a rejected request round (new requester and receiver).
CREATE FUNCTION connection_tally_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO connection_tally AS t (member_id, accepted)
    SELECT member_id, sum(n)
    FROM (SELECT requester_id AS member_id, 1 AS n FROM new_rows WHERE status = 'ACCEPTED'
          UNION ALL SELECT receiver_id, 1 FROM new_rows WHERE status = 'ACCEPTED'
          UNION ALL SELECT requester_id, -1 FROM old_rows WHERE status = 'ACCEPTED'
          UNION ALL SELECT receiver_id, -1 FROM old_rows WHERE status = 'ACCEPTED') ends
    GROUP BY member_id
    HAVING sum(n) > 0
    ORDER BY member_id
    ON CONFLICT (member_id) DO UPDATE SET accepted = t.accepted + excluded.accepted;
    UPDATE connection_tally AS t SET accepted = t.accepted + d.n
    FROM (SELECT member_id, sum(n) AS n
          FROM (SELECT requester_id AS member_id, 1 AS n FROM new_rows WHERE status = 'ACCEPTED'
                UNION ALL SELECT receiver_id, 1 FROM new_rows WHERE status = 'ACCEPTED'
                UNION ALL SELECT requester_id, -1 FROM old_rows WHERE status = 'ACCEPTED'
                UNION ALL SELECT receiver_id, -1 FROM old_rows WHERE status = 'ACCEPTED') ends
          GROUP BY member_id
          HAVING sum(n) < 0) d
    WHERE t.member_id = d.member_id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER connection_tally_insert AFTER INSERT ON connection
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION connection_tally_after_insert();
CREATE TRIGGER connection_tally_delete AFTER DELETE ON connection
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION connection_tally_after_delete();
CREATE TRIGGER connection_tally_update AFTER UPDATE ON connection
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION connection_tally_after_update();

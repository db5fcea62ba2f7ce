-- The feed's own copy of who sees whose posts: one row per direction of every accepted
-- connection (member_id sees author_id's posts). The feed module keeps it in step with the
-- connections module's ConnectionAccepted / ConnectionRemoved events, in the same transaction
-- (a synchronous listener), so it is never behind.
--
-- Why a copy (docs/benchmarks.md, "flat growth"): the feed used to ask the connections module for
-- the viewer's connection ids and send them back to PostgreSQL as an array. For the most-connected
-- member of 100,000 (~20,000 connections) moving those ids cost most of the page (57 ms against
-- 18 ms at 10,000 members). With the network in the feed's own table the feed is one statement that
-- never leaves the database: per-author top-N for small networks, and for large ones a walk of the
-- newest posts with one primary-key probe per post.
CREATE TABLE feed_network (
    member_id bigint NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    author_id bigint NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    PRIMARY KEY (member_id, author_id)
);

-- ON DELETE CASCADE of the author. With both columns, a probe "is author A in member M's network"
-- is a full-key lookup whichever of the two indexes the planner takes (an author followed by 20,000
-- members must not be scanned through).
CREATE INDEX feed_network_author_idx ON feed_network (author_id, member_id);

-- Existing connections, once (the only time the feed reads the connections module's table).
INSERT INTO feed_network (member_id, author_id)
SELECT requester_id, receiver_id FROM connection WHERE status = 'ACCEPTED'
UNION ALL
SELECT receiver_id, requester_id FROM connection WHERE status = 'ACCEPTED'
ON CONFLICT DO NOTHING;

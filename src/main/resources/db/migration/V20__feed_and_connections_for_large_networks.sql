-- Measured on 100,000 generated members (docs/benchmarks.md): the most-connected member has
-- ~20,000 connections.
--
-- 1. Listing a member's connections read ~20,000 scattered heap rows (≈300 ms cold). With the
--    other side's id in the index, it is an index-only scan.
CREATE INDEX connection_requester_covering_idx ON connection (requester_id, status) INCLUDE (receiver_id);
CREATE INDEX connection_receiver_covering_idx ON connection (receiver_id, status) INCLUDE (requester_id);

-- 2. The feed's per-author top-N (one index probe per connection) costs ~20,000 probes for such a
--    member. For large networks the feed instead walks all posts newest-first and keeps those of
--    the network (a hashed membership test); with thousands of authors the page fills after a few
--    hundred posts. FeedService picks the shape by the size of the network.
CREATE INDEX post_created_idx ON post (created_at DESC, id DESC);

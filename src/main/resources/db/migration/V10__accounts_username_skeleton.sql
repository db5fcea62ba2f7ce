-- Look-alike usernames: "anna.k", "anna_k", "annak", "ann4k"? The skeleton folds characters that
-- read alike (0/o, 1/i/l, rn/m, vv/w) and drops separators; two members may not share one.
-- UsernameRules.skeleton() in Java must stay identical (UsernameSkeletonIntegrationTests checks).
CREATE FUNCTION mp_username_skeleton(username text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT replace(replace(translate(lower(username), '01i._-', 'oll'), 'rn', 'm'), 'vv', 'w') $$;

ALTER TABLE member ADD COLUMN username_skeleton text GENERATED ALWAYS AS (mp_username_skeleton(username::text)) STORED;

CREATE UNIQUE INDEX member_username_skeleton_key ON member (username_skeleton);

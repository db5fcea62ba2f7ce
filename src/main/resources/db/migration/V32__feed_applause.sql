-- Applause (module "feed", issue 20): one per member per post or comment, toggled. The primary
-- key is the guard: however many toggles race, a member holds at most one applause on a thing,
-- and the count shown is the number of rows (counted from the key's index), so it cannot drift.
-- Gone with the post, the comment or the member.
CREATE TABLE post_applause (
    post_id    bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, member_id)
);
CREATE INDEX post_applause_member_idx ON post_applause (member_id);

CREATE TABLE comment_applause (
    comment_id bigint      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    member_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (comment_id, member_id)
);
CREATE INDEX comment_applause_member_idx ON comment_applause (member_id);

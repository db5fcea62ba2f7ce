-- The feed: members' posts and their comments. A post is a member's text, or the automatic
-- announcement of a new portfolio item (kind PORTFOLIO), written by the feed's listener of the
-- portfolio events. The portfolio item is referred to by id only (no foreign key: modules do not
-- share tables); its title and parsed media are copied here when the item is added or changed,
-- and the post goes when the item goes.
CREATE TABLE post (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id           bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    kind                text        NOT NULL,
    -- The member's text; null for portfolio posts.
    body                text,
    -- Portfolio posts only: the item, its title and its media as the portfolio module parsed them.
    portfolio_item_id   bigint,
    item_title          text,
    media_kind          text,
    media_url           text,
    media_embed_url     text,
    media_thumbnail_url text,
    media_host          text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT post_kind_known CHECK (kind IN ('TEXT', 'PORTFOLIO')),
    CONSTRAINT post_text_has_body CHECK (kind <> 'TEXT'
        OR (body IS NOT NULL AND char_length(btrim(body)) >= 1 AND char_length(body) <= 5000 AND portfolio_item_id IS NULL)),
    CONSTRAINT post_portfolio_has_item CHECK (kind <> 'PORTFOLIO'
        OR (portfolio_item_id IS NOT NULL AND item_title IS NOT NULL AND body IS NULL)),
    CONSTRAINT post_media_kind_known CHECK (media_kind IN ('YOUTUBE', 'VIMEO', 'IMAGE', 'LINK')),
    CONSTRAINT post_media_kind_present CHECK ((media_url IS NULL) = (media_kind IS NULL))
);

-- The feed: for each author in my network, their newest posts before the cursor
-- (a LATERAL top-N per author, merged). Also serves ON DELETE CASCADE of the member.
CREATE INDEX post_author_created_idx ON post (author_id, created_at DESC, id DESC);

-- One post per portfolio item: the listener's idempotence key (INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX post_portfolio_item_key ON post (portfolio_item_id) WHERE portfolio_item_id IS NOT NULL;

CREATE TABLE comment (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id    bigint      NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    author_id  bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT comment_body_length CHECK (char_length(btrim(body)) >= 1 AND char_length(body) <= 5000)
);

-- A post's comments in order (pages with a keyset, the latest few under each feed post) and
-- their count (index-only); also serves ON DELETE CASCADE of the post.
CREATE INDEX comment_post_created_idx ON comment (post_id, created_at, id);
-- ON DELETE CASCADE of the member.
CREATE INDEX comment_author_idx ON comment (author_id);

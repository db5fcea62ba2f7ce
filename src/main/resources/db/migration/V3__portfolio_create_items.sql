-- Portfolio items: a member's work, shown newest first on their profile.
CREATE TABLE portfolio_item (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id    bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    title       text        NOT NULL,
    description text,
    media_url   text,
    -- How the page shows media_url; the player address is rebuilt from the parsed id when shown.
    media_kind  text,
    year        integer,
    credit_role text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT portfolio_item_title_length       CHECK (char_length(btrim(title)) BETWEEN 1 AND 120),
    CONSTRAINT portfolio_item_description_length CHECK (description IS NULL OR char_length(description) BETWEEN 1 AND 2000),
    CONSTRAINT portfolio_item_media_url_format   CHECK (media_url IS NULL OR (char_length(media_url) <= 2000 AND media_url ~* '^https?://[^\s"''<>]+$')),
    CONSTRAINT portfolio_item_media_kind_known   CHECK (media_kind IN ('YOUTUBE', 'VIMEO', 'IMAGE', 'LINK')),
    CONSTRAINT portfolio_item_media_kind_present CHECK ((media_url IS NULL) = (media_kind IS NULL)),
    CONSTRAINT portfolio_item_year_range         CHECK (year BETWEEN 1888 AND 2100),
    CONSTRAINT portfolio_item_credit_role_length CHECK (credit_role IS NULL OR char_length(btrim(credit_role)) BETWEEN 1 AND 80)
);

-- The profile page's list (newest first) and the feed's per-author lookups.
CREATE INDEX portfolio_item_owner_created_idx ON portfolio_item (owner_id, created_at DESC, id DESC);

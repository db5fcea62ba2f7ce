-- Pictures (module "media", issue 21). Every stored file (one per size of a picture) has a row:
-- whose it is, so that deleting an account deletes its files. No foreign key to member on
-- purpose: the row must outlive the member's deletion until the files are gone.
CREATE TABLE media_object (
    key          text        PRIMARY KEY,
    picture_id   text        NOT NULL,
    owner_id     bigint      NOT NULL,
    content_type text        NOT NULL,
    bytes        integer     NOT NULL,
    width        integer     NOT NULL,
    height       integer     NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT media_object_key_format CHECK (key ~ '^[A-Za-z0-9_-]{22}-[a-z0-9]{1,8}\.jpg$')
);
CREATE INDEX media_object_owner_idx ON media_object (owner_id);
CREATE INDEX media_object_picture_idx ON media_object (picture_id);

-- The profile photo (module "profiles"): the picture's id; its sizes are /media/{id}-96.jpg and -400.jpg.
ALTER TABLE profile ADD COLUMN photo_id text;
ALTER TABLE profile ADD CONSTRAINT profile_photo_format CHECK (photo_id IS NULL OR photo_id ~ '^[A-Za-z0-9_-]{22}$');

-- Stills of a portfolio item (module "portfolio"): at most 10 per item (checked under the item's lock).
CREATE TABLE portfolio_still (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id    bigint      NOT NULL REFERENCES portfolio_item (id) ON DELETE CASCADE,
    picture_id text        NOT NULL UNIQUE,
    width      integer     NOT NULL,
    height     integer     NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT portfolio_still_picture_format CHECK (picture_id ~ '^[A-Za-z0-9_-]{22}$')
);
CREATE INDEX portfolio_still_item_idx ON portfolio_still (item_id, id);

-- The profile page's one read carries the photo too.
CREATE OR REPLACE VIEW member_profile AS
SELECT m.id AS member_id, m.username, m.display_name, p.headline, p.role, p.location, p.bio, p.website, p.photo_id
FROM member m
LEFT JOIN profile p ON p.member_id = m.id;

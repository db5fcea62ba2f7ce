-- A member's professional profile. One row per member, created on the first save: a member
-- without a row simply has an empty profile. The display name stays in member.display_name.
CREATE TABLE profile (
    member_id  bigint      PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    headline   text,
    role       text,
    location   text,
    bio        text,
    website    text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Empty fields are stored as NULL, never as blanks; lengths match the edit form's limits.
    CONSTRAINT profile_headline_length CHECK (headline IS NULL OR char_length(btrim(headline)) BETWEEN 1 AND 120),
    CONSTRAINT profile_role_length     CHECK (role IS NULL OR char_length(btrim(role)) BETWEEN 1 AND 60),
    CONSTRAINT profile_location_length CHECK (location IS NULL OR char_length(btrim(location)) BETWEEN 1 AND 80),
    CONSTRAINT profile_bio_length      CHECK (bio IS NULL OR char_length(btrim(bio)) BETWEEN 1 AND 2000),
    CONSTRAINT profile_website_format  CHECK (website IS NULL OR (char_length(website) <= 300 AND website ~* '^https?://[^\s"''<>]+$'))
);

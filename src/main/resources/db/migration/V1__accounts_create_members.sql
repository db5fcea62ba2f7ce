-- Extensions later features rely on: case-insensitive text and trigram search.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE member (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- citext: uniqueness and lookups ignore case, so "Anna" and "anna" cannot both exist.
    username          citext       NOT NULL,
    email             citext       NOT NULL,
    password_hash     varchar(255) NOT NULL,
    display_name      varchar(80)  NOT NULL,
    email_verified_at timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT member_username_format CHECK (username::text ~ '^[a-z0-9._-]{3,30}$'),
    CONSTRAINT member_email_format CHECK (length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1),
    CONSTRAINT member_display_name_present CHECK (length(btrim(display_name)) > 0)
);

CREATE UNIQUE INDEX member_username_key ON member (username);
CREATE UNIQUE INDEX member_email_key ON member (email);

-- Spring Security's persistent remember-me tokens (JdbcTokenRepositoryImpl): a stolen cookie
-- is detected and all of a member's tokens can be revoked.
CREATE TABLE persistent_logins (
    username  varchar(64) NOT NULL,
    series    varchar(64) PRIMARY KEY,
    token     varchar(64) NOT NULL,
    last_used timestamp   NOT NULL
);

CREATE INDEX persistent_logins_username_idx ON persistent_logins (username);

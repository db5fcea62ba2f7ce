-- People search (module "search"). The module owns a projection table, search_person, with one
-- row per member: the searchable fields copied from member and profile, plus normalised
-- columns and trigram indexes.
--
-- Why a projection table and not a view over member + profile: the free-text query must match
-- name, username and headline together and then be filtered by role and location. Over a view,
-- those live in two tables owned by other modules, so one index cannot serve "name or headline"
-- and this migration would have to put search indexes on their tables. Here every condition is
-- served by an index on one table, and the search module owns all of it. The search module
-- keeps the rows current from events (MemberRegistered, ProfileUpdated) inside the writing
-- transaction, so a saved profile is searchable at once; a deleted member's row goes with the
-- member (ON DELETE CASCADE).

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it depends on the search path and dictionary), so it cannot be used
-- in generated columns or indexes. This wrapper names the dictionary by schema, which makes it
-- safe to declare IMMUTABLE.
CREATE FUNCTION mp_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- The searchable form of a text: lower case, no accents, punctuation and runs of white space as
-- one space. "Lumière-Dupont, O'Neill" becomes "lumiere dupont o neill". Queries go through
-- the same function, so both sides always agree.
CREATE FUNCTION mp_search_words(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN btrim(regexp_replace(lower(public.mp_unaccent($1)), '[[:punct:][:space:]]+', ' ', 'g'));

CREATE TABLE search_person (
    member_id      bigint PRIMARY KEY REFERENCES member (id) ON DELETE CASCADE,
    username       text   NOT NULL,
    display_name   text   NOT NULL,
    headline       text,
    role           text,
    location       text,
    -- The display name and the username alone, for ranking ("exact name", "name starts with")
    -- and ordering; stored so that ranking a candidate costs no regular expressions.
    name_words     text GENERATED ALWAYS AS (mp_search_words(display_name)) STORED,
    username_words text GENERATED ALWAYS AS (mp_search_words(username)) STORED,
    -- What the free-text query searches, padded with spaces so that "starts a word" is
    -- LIKE '% word%' (served by the trigram index).
    text_words     text GENERATED ALWAYS AS (
        ' ' || mp_search_words(display_name || ' ' || username || ' ' || coalesce(headline, '')) || ' ') STORED,
    -- Name and username only: where typos are forgiven (word_similarity). Headlines are left
    -- out on purpose: long texts make fuzzy matching slower and its matches noisier.
    name_text      text GENERATED ALWAYS AS (' ' || mp_search_words(display_name || ' ' || username) || ' ') STORED,
    role_words     text GENERATED ALWAYS AS (' ' || mp_search_words(role) || ' ') STORED,
    location_words text GENERATED ALWAYS AS (' ' || mp_search_words(location) || ' ') STORED
);

CREATE INDEX search_person_text_trgm ON search_person USING gin (text_words gin_trgm_ops);
CREATE INDEX search_person_name_trgm ON search_person USING gin (name_text gin_trgm_ops);
CREATE INDEX search_person_role_trgm ON search_person USING gin (role_words gin_trgm_ops);
CREATE INDEX search_person_location_trgm ON search_person USING gin (location_words gin_trgm_ops);

-- Everyone who registered before this migration is searchable at once.
INSERT INTO search_person (member_id, username, display_name, headline, role, location)
SELECT m.id, m.username, m.display_name, p.headline, p.role, p.location
FROM member m
LEFT JOIN profile p ON p.member_id = m.id;

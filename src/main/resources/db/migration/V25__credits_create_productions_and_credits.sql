-- Productions, credits and confirmations by colleagues (module "credits").
--
-- A production is shared by everyone credited on it; it exists only while it has credits (the
-- trigger below removes it with its last credit). A credit is one member's role on one production.
-- A confirmation is a colleague (a member with a credit on the same production) vouching for a
-- credit. The rules that must hold whatever the code does are constraints here: one credit per
-- member, production and role; one confirmation per colleague and credit; never one's own.

-- A title's identity: lower case, no accents, apostrophes dropped ("Ocean's" = "Oceans"), other
-- punctuation and runs of white space as one space. "Amélie" and "AMELIE!" are the same title.
CREATE FUNCTION mp_title_key(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.mp_search_words(regexp_replace($1, '[''’‘`´]', '', 'g'));

CREATE TABLE production (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title       text        NOT NULL,
    year        integer     NOT NULL,
    kind        text        NOT NULL,
    -- An external page (IMDb, Crew United, a festival): https only, shown as a plain link.
    link        text,
    created_by  bigint      REFERENCES member (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    title_key   text GENERATED ALWAYS AS (mp_title_key(title)) STORED,
    -- Space-padded for "a word of the query starts a word of the title" (LIKE '% word%').
    title_words text GENERATED ALWAYS AS (' ' || mp_title_key(title) || ' ') STORED,
    CONSTRAINT production_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
    CONSTRAINT production_title_has_words CHECK (title_key <> ''),
    CONSTRAINT production_year_range CHECK (year BETWEEN 1870 AND 2100),
    CONSTRAINT production_kind_known CHECK (kind IN ('feature', 'short', 'series', 'documentary', 'commercial',
                                                     'music-video', 'other')),
    CONSTRAINT production_link_https CHECK (link IS NULL OR (link LIKE 'https://%' AND char_length(link) <= 500))
);

-- The same title (by its key) and year is the same production: creating it again reuses it.
CREATE UNIQUE INDEX production_title_year_key ON production (title_key, year);
-- "Did you mean", /productions?q= and search's workedOn= (typo-tolerant, word starts).
CREATE INDEX production_title_trgm ON production USING gin (title_words gin_trgm_ops);
-- /productions: newest first, keyset pages.
CREATE INDEX production_created_idx ON production (created_at DESC, id DESC);
CREATE INDEX production_created_by_idx ON production (created_by);

CREATE TABLE credit (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    production_id bigint      NOT NULL REFERENCES production (id) ON DELETE CASCADE,
    member_id     bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    role          text        NOT NULL,
    -- The role's department in FilmRoles ("Camera"), or 'Other' for a role typed freely.
    department    text        NOT NULL,
    -- Episode, unit, "2nd unit".
    note          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    role_key      text GENERATED ALWAYS AS (mp_search_words(role)) STORED,
    CONSTRAINT credit_role_length CHECK (char_length(btrim(role)) BETWEEN 1 AND 100 AND role_key <> ''),
    CONSTRAINT credit_department_length CHECK (char_length(department) BETWEEN 1 AND 60),
    CONSTRAINT credit_note_length CHECK (note IS NULL OR char_length(note) <= 200),
    -- The target of the confirmations' foreign key (which carries owner and production along).
    CONSTRAINT credit_id_member_production UNIQUE (id, member_id, production_id)
);

-- One credit per member, production and role ("Editor" and "editor" are one role).
CREATE UNIQUE INDEX credit_production_member_role_key ON credit (production_id, member_id, role_key);
-- A member's credits (profile), their productions (worked together, suggestions, confirm rights),
-- and ON DELETE CASCADE of the member.
CREATE INDEX credit_member_production_idx ON credit (member_id, production_id);

CREATE TABLE credit_confirmation (
    credit_id       bigint      NOT NULL,
    credit_owner_id bigint      NOT NULL,
    production_id   bigint      NOT NULL,
    confirmer_id    bigint      NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    -- The credit's owner chose not to show this confirmation on their profile.
    hidden          boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- Once per colleague and credit: a repeated confirm finds the row there.
    PRIMARY KEY (credit_id, confirmer_id),
    -- Owner and production travel with the credit, so the checks below cannot be lied to.
    FOREIGN KEY (credit_id, credit_owner_id, production_id)
        REFERENCES credit (id, member_id, production_id) ON DELETE CASCADE,
    CONSTRAINT credit_confirmation_not_own CHECK (confirmer_id <> credit_owner_id)
);

-- What a member confirmed on a production (removed with their last credit there; blocks).
CREATE INDEX credit_confirmation_confirmer_idx ON credit_confirmation (confirmer_id, production_id);
CREATE INDEX credit_confirmation_owner_idx ON credit_confirmation (credit_owner_id, confirmer_id);

-- After credits go (deleted one by one, with their member, or with their production):
--   * a member left with no credit on a production withdraws their confirmations there
--     (only colleagues may confirm);
--   * a production left with no credit is removed.
-- A statement-level trigger with the deleted rows, so a member with many credits costs one pass.
CREATE FUNCTION credit_after_delete() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    DELETE FROM credit_confirmation cc
    USING (SELECT DISTINCT production_id, member_id FROM old_credits) gone
    WHERE cc.production_id = gone.production_id
      AND cc.confirmer_id = gone.member_id
      AND NOT EXISTS (SELECT 1 FROM credit c
                      WHERE c.production_id = gone.production_id AND c.member_id = gone.member_id);
    DELETE FROM production p
    WHERE p.id IN (SELECT DISTINCT production_id FROM old_credits)
      AND NOT EXISTS (SELECT 1 FROM credit c WHERE c.production_id = p.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER credit_after_delete
    AFTER DELETE ON credit
    REFERENCING OLD TABLE AS old_credits
    FOR EACH STATEMENT EXECUTE FUNCTION credit_after_delete();

-- For search (workedOn=): which member holds a credit on which production, with the title's
-- searchable words. A documented view, so search reads no table of this module directly.
CREATE VIEW member_production AS
SELECT c.member_id, c.production_id, p.title_words
FROM credit c
JOIN production p ON p.id = c.production_id;

-- Facets by department (issue 24). search_role_department holds every name of every role in
-- search/trades.tsv, normalised like search_person.role_words, with its department; the search
-- module keeps it equal to the file at start-up (TradeTermsSync), so the file stays the one place
-- the trades' words are written.
CREATE TABLE search_role_department (
    role_key   text PRIMARY KEY,
    department text NOT NULL
);

-- Each member's department, kept on the projection row so that facets and the department filter
-- read a column instead of joining: set by a trigger whenever the role is written (the events'
-- upserts, the generator's bulk inserts alike), and again by TradeTermsSync when the file changes.
-- NULL for a role that is none of the trades' names (the facet's "Other").
ALTER TABLE search_person ADD COLUMN department text;
CREATE INDEX search_person_department ON search_person (department);

CREATE FUNCTION mp_search_person_department() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- Generated columns are computed after BEFORE triggers: normalise the role here as role_words does.
    NEW.department := (SELECT d.department FROM search_role_department d WHERE d.role_key = mp_search_words(NEW.role));
    RETURN NEW;
END
$$;

CREATE TRIGGER search_person_department
    BEFORE INSERT OR UPDATE OF role ON search_person
    FOR EACH ROW EXECUTE FUNCTION mp_search_person_department();

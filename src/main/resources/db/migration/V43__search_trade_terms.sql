-- Search in the trade's own words (issue 24). A trade's term stands for every name of its roles
-- (search/trades.tsv, some 600 names): one full-text query ORs their phrases, served by one GIN
-- scan of each column instead of one trigram scan per name. The words are normalised as in the
-- other columns (mp_search_words), so the 'simple' configuration only splits them: no stemming, no
-- stop words, whole words only ("AD" is never the start of "Adam"). Stored, because phrase queries
-- are rechecked row by row and recomputing the vectors there doubled the time of a broad search.
-- (A generated column cannot read another one, hence the expressions of role_words and text_words.)
ALTER TABLE search_person
    ADD COLUMN role_fts tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(mp_search_words(role), ''))) STORED,
    ADD COLUMN text_fts tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', mp_search_words(display_name || ' ' || username || ' ' || coalesce(headline, '')))) STORED;
CREATE INDEX search_person_role_fts ON search_person USING gin (role_fts);
CREATE INDEX search_person_text_fts ON search_person USING gin (text_fts);
-- A role that is exactly a name which is also part of other roles' names ("Director" in "Art
-- Director") is matched as the whole field.
CREATE INDEX search_person_role_exact ON search_person (role_words);

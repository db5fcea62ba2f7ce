-- Search in the trade's own words (issue 24). A trade's term stands for every name of its roles
-- (search/trades.tsv, some 600 names): one full-text query ORs their phrases, served by one GIN
-- scan of each column instead of one trigram scan per name. The columns are already normalised
-- (mp_search_words), so the 'simple' configuration only splits them into words: no stemming, no
-- stop words, whole words only ("AD" is never the start of "Adam").
CREATE INDEX search_person_role_fts ON search_person USING gin (to_tsvector('simple', role_words));
CREATE INDEX search_person_text_fts ON search_person USING gin (to_tsvector('simple', text_words));
-- A role that is exactly a name which is also part of other roles' names ("Director" in "Art
-- Director") is matched as the whole field.
CREATE INDEX search_person_role_exact ON search_person (role_words);

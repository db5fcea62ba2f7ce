-- The city facet (issue 24) is the location up to its first comma. Computed once when the
-- location is written instead of for every match of every search: split_part and btrim on each
-- of a name search's matches were 7-9 % of its statement (docs/benchmarks.md, issue 17). Who may
-- see the city is still decided per viewer in the statement (SearchRepository.LOCATION_SHOWN).
ALTER TABLE search_person
    ADD COLUMN city text GENERATED ALWAYS AS (nullif(btrim(split_part(location, ',', 1)), '')) STORED;

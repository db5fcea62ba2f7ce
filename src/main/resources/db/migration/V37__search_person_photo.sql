-- Search results show members' photos (issue 21): the projection carries the photo's id, kept by
-- the same ProfileUpdated event as the other fields.
ALTER TABLE search_person ADD COLUMN photo_id text;
UPDATE search_person s SET photo_id = p.photo_id FROM profile p WHERE p.member_id = s.member_id AND p.photo_id IS NOT NULL;

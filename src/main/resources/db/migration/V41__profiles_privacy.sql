-- Who sees what on a profile (issue 23), owned by the profiles module: for each of four fields the
-- member chooses everyone (also people not signed in), members (signed in), connections, or nobody
-- (only themselves). The e-mail address is nobody's business unless its owner says otherwise.
ALTER TABLE profile
    ADD COLUMN connections_list_visibility text NOT NULL DEFAULT 'everyone',
    ADD COLUMN location_visibility         text NOT NULL DEFAULT 'everyone',
    ADD COLUMN website_visibility          text NOT NULL DEFAULT 'everyone',
    ADD COLUMN email_visibility            text NOT NULL DEFAULT 'nobody',
    ADD CONSTRAINT profile_visibility_known CHECK (
        connections_list_visibility IN ('everyone', 'members', 'connections', 'nobody')
        AND location_visibility IN ('everyone', 'members', 'connections', 'nobody')
        AND website_visibility IN ('everyone', 'members', 'connections', 'nobody')
        AND email_visibility IN ('everyone', 'members', 'connections', 'nobody'));

-- The profile page's one read (V28) with the choices and the address they govern; only a verified
-- address is ever shown.
CREATE OR REPLACE VIEW member_profile AS
SELECT m.id AS member_id, m.username, m.display_name, p.headline, p.role, p.location, p.bio, p.website,
       p.photo_id,
       coalesce(p.connections_list_visibility, 'everyone') AS connections_list_visibility,
       coalesce(p.location_visibility, 'everyone') AS location_visibility,
       coalesce(p.website_visibility, 'everyone') AS website_visibility,
       coalesce(p.email_visibility, 'nobody') AS email_visibility,
       CASE WHEN m.email_verified_at IS NOT NULL THEN m.email END AS verified_email
FROM member m
LEFT JOIN profile p ON p.member_id = m.id;

-- Search (its own projection) keeps who may see the location, kept by the same ProfileUpdated
-- event as the other fields: a hidden location is neither shown nor matched by location=.
ALTER TABLE search_person ADD COLUMN location_visibility text NOT NULL DEFAULT 'everyone';
UPDATE search_person s SET location_visibility = p.location_visibility
FROM profile p WHERE p.member_id = s.member_id AND p.location_visibility <> 'everyone';

-- The public profile page's member and profile in one read (module "profiles"): a documented view
-- over the accounts module's member table and the profiles module's own profile table, so the page
-- costs one statement here instead of two. Read-only; accounts keeps owning member.
CREATE VIEW member_profile AS
SELECT m.id AS member_id, m.username, m.display_name, p.headline, p.role, p.location, p.bio, p.website
FROM member m
LEFT JOIN profile p ON p.member_id = m.id;

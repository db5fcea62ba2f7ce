-- Moderators handle reports; a suspended member cannot log in. The role is granted in the
-- database (or by moviepeople.moderators at start) and read at login.
ALTER TABLE member ADD COLUMN role text NOT NULL DEFAULT 'MEMBER'
    CONSTRAINT member_role_known CHECK (role IN ('MEMBER', 'MODERATOR'));
ALTER TABLE member ADD COLUMN suspended_at timestamptz;

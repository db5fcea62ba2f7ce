-- Crew calls can be reported (issue 22); a moderator may remove one.
ALTER TABLE report DROP CONSTRAINT report_target_type_known;
ALTER TABLE report ADD CONSTRAINT report_target_type_known CHECK (target_type IN ('MEMBER', 'POST', 'COMMENT', 'MESSAGE', 'CALL'));

-- The daily notification digest (issue 20) asks which members got messages they have not read
-- since a given time: the unread rows only, by time.
CREATE INDEX message_unread_sent_idx ON message (sent_at) WHERE read_at IS NULL;

-- A note with a connection request (issue 23): up to 300 characters (code points, as the app
-- counts them), shown to the receiver while the request waits. Blank is stored as NULL. The note
-- belongs to the pending request only: accepting or rejecting clears it (and cancelling or a block
-- deletes the row), so no old note lingers on a connection or a rejection.
-- All existing rows have no note, so both checks hold for them.
ALTER TABLE connection
    ADD COLUMN note text,
    ADD CONSTRAINT connection_note_length CHECK (char_length(note) BETWEEN 1 AND 300),
    ADD CONSTRAINT connection_note_only_pending CHECK (note IS NULL OR status = 'PENDING');

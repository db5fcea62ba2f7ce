-- Spring Modulith's event publication registry (its v2 schema for PostgreSQL): an event handed to a
-- listener in another module is recorded in the publishing transaction and deleted once the
-- listener has completed, so a listener that fails (or a crash) leaves it here to be retried at the
-- next start instead of losing it.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Disputes whose details could not be read or stored during a poll (issue 11): set aside with a
-- backoff so that the rest of the poll goes on, and retried by later polls until they go through.
-- Only the id, the count, the next try and the class of the last error: no buyer data, no secrets.
CREATE TABLE sync_set_aside (
  dispute_id       TEXT    PRIMARY KEY,
  attempts         INTEGER NOT NULL,
  next_try_at      INTEGER NOT NULL,
  last_error_class TEXT    NOT NULL,
  first_failed_at  INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
CREATE INDEX sync_set_aside_due ON sync_set_aside (next_try_at);

-- Retention: the daily prune deletes by age.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX inbound_seen_at ON inbound_seen (seen_at);
CREATE INDEX slack_outbox_finished ON slack_outbox (status, sent_at);

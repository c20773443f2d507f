-- Dispute Desk schema. Times are epoch milliseconds (UTC); money is integer minor units plus
-- the ISO currency code, with the decimal string kept where PayPal's exact text matters.

-- The latest known state of each dispute (from the last details read).
CREATE TABLE disputes (
  dispute_id          TEXT    PRIMARY KEY,
  reason              TEXT,
  status              TEXT,
  dispute_state       TEXT,
  stage               TEXT,
  channel             TEXT,
  amount_value        TEXT,
  amount_minor        INTEGER,
  currency            TEXT,
  create_time         INTEGER,
  update_time         INTEGER,
  seller_due          INTEGER,
  buyer_due           INTEGER,
  buyer_name          TEXT,
  seller_txn_id       TEXT,
  buyer_txn_id        TEXT,
  needs_seller        INTEGER NOT NULL DEFAULT 0,
  outcome_code        TEXT,
  refunded_minor      INTEGER,
  resolved_at         INTEGER,
  first_seen_at       INTEGER NOT NULL,
  first_action_at     INTEGER,
  raw_json            TEXT,
  stored_at           INTEGER NOT NULL
);
CREATE INDEX disputes_status_due   ON disputes (status, seller_due);
CREATE INDEX disputes_seller_due   ON disputes (seller_due) WHERE seller_due IS NOT NULL;
CREATE INDEX disputes_update_time  ON disputes (update_time);
CREATE INDEX disputes_create_time  ON disputes (create_time);
CREATE INDEX disputes_resolved_at  ON disputes (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX disputes_first_seen   ON disputes (first_seen_at);

-- Who owns a dispute (one owner at most).
CREATE TABLE assignments (
  dispute_id   TEXT    PRIMARY KEY REFERENCES disputes (dispute_id),
  user_id      TEXT    NOT NULL,
  assigned_by  TEXT    NOT NULL,
  assigned_at  INTEGER NOT NULL
);
CREATE INDEX assignments_user ON assignments (user_id);

-- The one Slack card per dispute: where it is, and which dispute state it last showed.
CREATE TABLE slack_cards (
  dispute_id          TEXT    PRIMARY KEY REFERENCES disputes (dispute_id),
  channel             TEXT    NOT NULL,
  ts                  TEXT    NOT NULL,
  rendered_update     INTEGER,
  rendered_at         INTEGER NOT NULL
);

-- Pending Slack writes. A row is sent once: dedupe_key is unique per intent.
-- kind: CARD (post or update the dispute's card from its latest stored state),
--       THREAD (reply in the card's thread), MESSAGE (a channel message: summary, digest).
CREATE TABLE slack_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  dedupe_key      TEXT    NOT NULL UNIQUE,
  kind            TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  dispute_id      TEXT,
  payload         TEXT,
  status          TEXT    NOT NULL DEFAULT 'PENDING',
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_by      TEXT,
  claimed_until   INTEGER,
  sent_ts         TEXT,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX slack_outbox_due ON slack_outbox (status, next_attempt_at);
CREATE INDEX slack_outbox_dispute ON slack_outbox (dispute_id, id);

-- PayPal actions, recorded before the call so that no intent is executed twice.
-- status: AWAITING_APPROVAL, IN_FLIGHT, SUCCEEDED, FAILED, UNKNOWN, REJECTED, CANCELLED
CREATE TABLE actions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  dispute_id      TEXT    NOT NULL,
  kind            TEXT    NOT NULL,
  intent_key      TEXT    NOT NULL UNIQUE,
  request_id      TEXT    NOT NULL,
  requested_by    TEXT    NOT NULL,
  approved_by     TEXT,
  status          TEXT    NOT NULL,
  amount_value    TEXT,
  currency        TEXT,
  request_json    TEXT    NOT NULL,
  outcome         TEXT,
  debug_id        TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
-- At most one open action of a kind per dispute: concurrent clicks collide here.
CREATE UNIQUE INDEX actions_one_open ON actions (dispute_id, kind)
  WHERE status IN ('AWAITING_APPROVAL', 'IN_FLIGHT', 'UNKNOWN');

-- Every action attempted, allowed or not.
CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  at              INTEGER NOT NULL,
  user_id         TEXT,
  dispute_id      TEXT,
  action          TEXT    NOT NULL,
  request_summary TEXT,
  outcome         TEXT    NOT NULL,
  debug_id        TEXT,
  detail          TEXT
);
CREATE INDEX audit_log_dispute ON audit_log (dispute_id, at);

-- Small key/value state: poll cursor, last successful poll, last error.
CREATE TABLE sync_state (
  key         TEXT    PRIMARY KEY,
  value       TEXT    NOT NULL,
  updated_at  INTEGER NOT NULL
);

-- Deadline reminders sent, one per (dispute, threshold, due date).
CREATE TABLE reminders_sent (
  dispute_id  TEXT    NOT NULL,
  threshold   TEXT    NOT NULL,
  due_at      INTEGER NOT NULL,
  sent_at     INTEGER NOT NULL,
  PRIMARY KEY (dispute_id, threshold, due_at)
);

-- The digest ledger: one digest per channel per local day.
CREATE TABLE digests_sent (
  channel      TEXT    NOT NULL,
  digest_date  TEXT    NOT NULL,
  covered_from INTEGER NOT NULL,
  covered_to   INTEGER NOT NULL,
  sent_at      INTEGER NOT NULL,
  PRIMARY KEY (channel, digest_date)
);

-- Inbound deliveries already handled (PayPal webhook ids, Slack retries), for de-duplication.
CREATE TABLE inbound_seen (
  source      TEXT    NOT NULL,
  key         TEXT    NOT NULL,
  seen_at     INTEGER NOT NULL,
  PRIMARY KEY (source, key)
);

-- Issue 16: automation rules from the config file, their runs, pause switches, rotations, and who is away.

-- One row per rule, dispute and trigger occurrence (e.g. "new", "status:1767225600000:UNDER_REVIEW",
-- "due:1767225600000"): inserted before the rule does anything, so a rule acts (or posts its dry-run
-- note) at most once per occurrence, across restarts and replicas. Never retried: a failed run stays FAILED.
CREATE TABLE rule_runs (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_name       TEXT    NOT NULL,
  dispute_id      TEXT    NOT NULL,
  occurrence      TEXT    NOT NULL,
  mode            TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  summary         TEXT,
  claimed_at      INTEGER NOT NULL,
  finished_at     INTEGER
);
CREATE UNIQUE INDEX rule_runs_once ON rule_runs (rule_name, dispute_id, occurrence);
CREATE INDEX rule_runs_claimed ON rule_runs (rule_name, claimed_at);

-- Paused rules: one row per paused rule name, or '*' for every rule (/disputes rules pause).
CREATE TABLE rule_pauses (
  rule_name       TEXT    PRIMARY KEY,
  paused_by       TEXT    NOT NULL,
  paused_at       INTEGER NOT NULL
);

-- Whose turn it is in a rule's round-robin assignment: the last person given a dispute.
CREATE TABLE rule_rotations (
  rotation        TEXT    PRIMARY KEY,
  last_user       TEXT    NOT NULL,
  updated_at      INTEGER NOT NULL
);

-- People away (/disputes away until <date>): round-robin assignment skips them until then.
CREATE TABLE people_away (
  user_id         TEXT    PRIMARY KEY,
  away_until      INTEGER NOT NULL,
  set_at          INTEGER NOT NULL
);

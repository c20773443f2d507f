-- Issue 16: the trigger occurrences rules wait on (a new dispute, a status or stage change, a buyer
-- message), written in the same transaction as the sync's write of the change that brought them, so
-- a stop between that commit and the rules loses none. A replica runs one by setting claimed_at
-- (compare-and-set; a claim older than the rules' abandon time may be taken again, and rule_runs
-- still holds each run once), then sets done_at. Done rows are pruned after 7 days.
CREATE TABLE rule_triggers (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  dispute_id      TEXT    NOT NULL,
  occurrence      TEXT    NOT NULL,
  trigger_kind    TEXT    NOT NULL,
  recorded_at     INTEGER NOT NULL,
  claimed_at      INTEGER,
  done_at         INTEGER
);
CREATE UNIQUE INDEX rule_triggers_once ON rule_triggers (dispute_id, occurrence);
CREATE INDEX rule_triggers_done ON rule_triggers (done_at, id);

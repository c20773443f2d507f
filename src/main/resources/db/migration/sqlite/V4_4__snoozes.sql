-- Issue 16: snooze. A dispute snoozed from its card leaves the due lists, the digest's due section
-- and the deadline reminders until its time (mode UNTIL, until_at) or until the buyer writes (mode
-- BUYER: more buyer messages than buyer_messages, the count when it was snoozed); a seller deadline
-- within 24 hours wakes it anyway. One row per dispute, the latest snooze: woke_at stays null while
-- it sleeps, and the one replica whose update sets it posts the wake note (wake_reason says why).
CREATE TABLE dispute_snoozes (
  dispute_id      TEXT    PRIMARY KEY REFERENCES disputes (dispute_id),
  mode            TEXT    NOT NULL,
  until_at        INTEGER,
  buyer_messages  INTEGER NOT NULL,
  reason          TEXT,
  snoozed_by      TEXT    NOT NULL,
  snoozed_at      INTEGER NOT NULL,
  woke_at         INTEGER,
  wake_reason     TEXT
);
CREATE INDEX dispute_snoozes_asleep ON dispute_snoozes (woke_at, until_at);

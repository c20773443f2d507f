-- Tracking added to PayPal with evidence (issue 14): when the team types a tracking number PayPal does
-- not hold, Provide evidence can also add it (POST /v1/shipping/trackers). One row per evidence action
-- (actions.id), planned with the action and sent once with its own PayPal-Request-Id after the evidence
-- went through. status: PLANNED (waits for the evidence), SENDING (claimed until claimed_until),
-- ADDED, FAILED (PayPal refused; the evidence stands), DROPPED (the evidence did not go through).
CREATE TABLE tracker_additions (
  action_id          BIGINT  PRIMARY KEY,
  dispute_id         TEXT    NOT NULL,
  transaction_id     TEXT    NOT NULL,
  tracking_number    TEXT    NOT NULL,
  carrier            TEXT    NOT NULL,
  carrier_name_other TEXT,
  request_id         TEXT    NOT NULL,
  status             TEXT    NOT NULL,
  outcome            TEXT,
  debug_id           TEXT,
  created_at         BIGINT  NOT NULL,
  updated_at         BIGINT  NOT NULL,
  claimed_until      BIGINT
);
CREATE INDEX tracker_additions_status ON tracker_additions (status);

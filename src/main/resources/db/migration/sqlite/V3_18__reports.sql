-- Reports (issue 18): the seller deadline kept after PayPal drops it, and the weekly report ledger.

-- PayPal sends seller_response_due_date only while it waits for us, so seller_due goes back to
-- NULL once we answer. The report's "deadlines met" needs the deadline we had: this column keeps
-- the latest seller deadline PayPal gave for the dispute.
ALTER TABLE disputes ADD COLUMN last_seller_due INTEGER;
UPDATE disputes SET last_seller_due = seller_due WHERE seller_due IS NOT NULL;
CREATE INDEX disputes_last_seller_due ON disputes (last_seller_due, first_action_at)
  WHERE last_seller_due IS NOT NULL;

-- Disputes created in a period by reason, currency and amount, and their first action (covering).
CREATE INDEX disputes_created_report ON disputes (create_time, reason, currency, amount_minor, first_action_at);

-- The weekly report ledger: one report per channel per report day (local date).
CREATE TABLE reports_sent (
  channel      TEXT    NOT NULL,
  report_date  TEXT    NOT NULL,
  covered_from INTEGER NOT NULL,
  covered_to   INTEGER NOT NULL,
  sent_at      INTEGER NOT NULL,
  PRIMARY KEY (channel, report_date)
);

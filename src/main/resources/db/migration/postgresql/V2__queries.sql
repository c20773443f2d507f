-- PostgreSQL twin of db/migration/sqlite/V2__queries.sql: the same indexes.
-- Indexes for the read side (DisputeQueries: lists, stats, digest, reminders, export), so that
-- none of them scans the disputes table.

-- Stats over the disputes resolved in a period: outcome, currency and amounts come from this
-- index alone (covering), so a 90-day period on a large table costs no table lookups.
CREATE INDEX disputes_resolved_stats ON disputes
  (resolved_at, currency, outcome_code, amount_minor, refunded_minor, seller_due, first_action_at)
  WHERE resolved_at IS NOT NULL;

-- Amount at risk: the open disputes of each status, grouped by currency, from the index alone.
CREATE INDEX disputes_status_amount ON disputes (status, currency, amount_minor);

-- Median time to first action of the disputes first seen in a period (covering).
CREATE INDEX disputes_first_seen_action ON disputes (first_seen_at, first_action_at);

-- Leases on running PayPal actions. The replica that calls PayPal holds the row's lease and renews
-- it while the call may still run; recovery settles an IN_FLIGHT row only once its lease ran out.
ALTER TABLE actions ADD COLUMN lease_until BIGINT;
-- When the PayPal call began (the request, or its approval): effects older than this are not its own.
ALTER TABLE actions ADD COLUMN started_at BIGINT;
-- What the person saw of the dispute when asking (amounts, stage, update time), as JSON.
ALTER TABLE actions ADD COLUMN seen_json TEXT;

-- Rows a previous version left running get the full lease (31 minutes) from their last change.
UPDATE actions SET lease_until = updated_at + 1860000, started_at = updated_at WHERE status = 'IN_FLIGHT';
UPDATE actions SET started_at = updated_at WHERE status <> 'IN_FLIGHT' AND status <> 'AWAITING_APPROVAL';

CREATE INDEX actions_in_flight_lease ON actions (lease_until) WHERE status = 'IN_FLIGHT';

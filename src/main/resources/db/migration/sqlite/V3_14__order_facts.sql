-- What PayPal told us about the order behind each dispute (Transaction Search and Shipment
-- Tracking), refreshed in the background at most once an hour per dispute.
CREATE TABLE order_facts (
  dispute_id      TEXT    PRIMARY KEY,
  transaction_id  TEXT,
  -- The facts drawn on the card: items, ship-to city and country, shipments (JSON).
  facts_json      TEXT,
  -- The full ship-to address (JSON): personal data for agents' own use, never drawn in the channel.
  address_json    TEXT,
  -- Why the order or the tracking is missing (NO_PERMISSION, NOT_LISTED, PAYPAL_UNAVAILABLE, ...).
  order_gap       TEXT,
  tracking_gap    TEXT,
  -- When PayPal was last asked; null until the first fetch.
  fetched_at      INTEGER,
  -- Set when a change asks for fresh facts; cleared by the fetch that follows it.
  wanted_at       INTEGER,
  -- A worker (of any replica) is fetching until then.
  claimed_until   INTEGER
);
-- The refresher's work list: wanted rows, oldest wish first.
CREATE INDEX order_facts_wanted ON order_facts (wanted_at) WHERE wanted_at IS NOT NULL;

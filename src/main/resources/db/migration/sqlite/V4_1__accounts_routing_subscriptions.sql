-- Issue 15: several PayPal accounts, cards in several channels, subscriptions from Slack.

-- The PayPal account each dispute belongs to (every PayPal call about it uses that account).
-- Disputes stored before accounts existed belong to the account named "default", which is what
-- the single-account settings (PAYPAL_CLIENT_ID, ...) configure.
ALTER TABLE disputes ADD COLUMN account TEXT NOT NULL DEFAULT 'default';
CREATE INDEX disputes_account_status ON disputes (account, status);

-- A set-aside dispute is retried with the client of the account whose poll set it aside.
ALTER TABLE sync_set_aside ADD COLUMN account TEXT NOT NULL DEFAULT 'default';

-- One card per dispute per channel. routed = 0 once the dispute stopped matching the channel's
-- routes: the card then says where it went and has no buttons; it is never deleted.
CREATE TABLE slack_cards_by_channel (
  dispute_id          TEXT    NOT NULL REFERENCES disputes (dispute_id),
  channel             TEXT    NOT NULL,
  ts                  TEXT    NOT NULL,
  rendered_update     INTEGER,
  rendered_at         INTEGER NOT NULL,
  routed              INTEGER NOT NULL DEFAULT 1,
  posted_at           INTEGER NOT NULL,
  PRIMARY KEY (dispute_id, channel)
);
INSERT INTO slack_cards_by_channel (dispute_id, channel, ts, rendered_update, rendered_at, routed, posted_at)
  SELECT dispute_id, channel, ts, rendered_update, rendered_at, 1, rendered_at FROM slack_cards;
DROP TABLE slack_cards;
ALTER TABLE slack_cards_by_channel RENAME TO slack_cards;
CREATE INDEX slack_cards_channel ON slack_cards (channel, routed);

-- Routes added from Slack with /disputes subscribe: a channel and the filter words it follows.
CREATE TABLE channel_subscriptions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  channel         TEXT    NOT NULL,
  filter_text     TEXT    NOT NULL,
  created_by      TEXT    NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX channel_subscriptions_one ON channel_subscriptions (channel, filter_text);

-- Evidence drafts (issue 14): a Provide evidence form saved instead of sent, shown in the card's
-- thread, editable by any agent, and sent to PayPal once with Submit to PayPal.
-- status: DRAFT (editable), SENT (claimed for sending; never sent again), OVERTAKEN (the dispute moved on).
-- form_json is the form's state as Slack sent it (type, notes, tracking, item, Slack file ids and names):
-- the form is drawn again from it, and the files are downloaded again from Slack when it is sent.
CREATE TABLE evidence_drafts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  dispute_id   TEXT    NOT NULL,
  form_json    TEXT    NOT NULL,
  summary      TEXT    NOT NULL,
  author       TEXT    NOT NULL,
  updated_by   TEXT    NOT NULL,
  status       TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  sent_by      TEXT,
  sent_at      INTEGER
);
CREATE INDEX evidence_drafts_open ON evidence_drafts (dispute_id, status);

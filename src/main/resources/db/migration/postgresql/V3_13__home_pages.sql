-- Where each person's App Home lists stand ("show more"), and the hash of the Home view last
-- published for them: redraws keep the person's pages, and a publish built from an older state
-- than the view Slack shows is refused (hash_conflict) and rebuilt.
CREATE TABLE home_pages (
  user_id            TEXT     PRIMARY KEY,
  queue_offset       INTEGER  NOT NULL DEFAULT 0,
  due_offset         INTEGER  NOT NULL DEFAULT 0,
  unassigned_offset  INTEGER  NOT NULL DEFAULT 0,
  buyer_offset       INTEGER  NOT NULL DEFAULT 0,
  view_hash          TEXT,
  updated_at         BIGINT   NOT NULL
);

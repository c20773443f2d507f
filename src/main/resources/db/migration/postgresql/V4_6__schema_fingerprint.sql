-- Issue 17: start-up. The fingerprint (names and contents) of the migrations the last successful
-- migrate ran with. A start whose bundled migrations have the same fingerprint has nothing to
-- migrate and skips Flyway's scan and validation; any other start runs Flyway, then stores its own.
CREATE TABLE schema_fingerprint (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint  TEXT    NOT NULL,
  migrated_at  BIGINT  NOT NULL
);

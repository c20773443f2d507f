package io.disputedesk.store;

import java.time.Clock;

/** One empty database a test runs on: a SQLite file or a PostgreSQL schema of its own. */
public interface TestDatabase {
  /** {@code sqlite} or {@code postgresql}. */
  String name();

  boolean isPostgres();

  /** The JDBC URL; opening it again reaches the same data (a restart). */
  String url();

  /** Opens (and on first use migrates) the database. */
  default Database open(Clock clock) {
    return Database.open(url(), clock);
  }
}

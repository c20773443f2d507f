package io.disputedesk.store;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens a real SQLite database file in a test's temporary folder. Store tests that should also run
 * on PostgreSQL use {@link EachDatabase} instead; PostgreSQL-only tests use {@link OnPostgres}.
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static String url(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("data").resolve("disputedesk.db");
  }

  public static Database open(Path dir, Clock clock) {
    return Database.open(url(dir), clock);
  }

  /** A count from a query with no parameters. */
  public static long count(Database db, String sql) {
    return db.read(
        c -> {
          try (var ps = c.prepareStatement(sql);
              var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Makes an SQLite database refuse one write from now on, as if the disk failed right there: a
   * trigger named {@code name} that aborts {@code event} (e.g. {@code BEFORE INSERT ON audit_log})
   * when {@code condition} holds (SQL over {@code NEW}).
   */
  public static void refuse(Database db, String name, String event, String condition) {
    db.update(
        "CREATE TRIGGER "
            + name
            + " "
            + event
            + " WHEN "
            + condition
            + " BEGIN SELECT RAISE(ABORT, 'disk full'); END",
        ps -> {});
  }
}

package io.disputedesk.store;

import io.disputedesk.sim.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  private static final List<String> TABLES = List.of("actions", "assignments", "audit_log",
      "digests_sent", "disputes", "flyway_schema_history", "inbound_seen", "reminders_sent",
      "slack_cards", "slack_outbox", "sync_state");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

  @Test
  void emptyFileIsMigratedWithEveryTableAndFlywayHistory() {
    try (Database db = TestDatabases.open(dir, clock)) {
      assertThat(tables(db)).containsAll(TABLES);
      assertThat(TestDatabases.count(db,
          "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = 1")).isEqualTo(1);
    }
  }

  @Test
  void missingParentFoldersAreCreated() {
    Path nested = dir.resolve("a").resolve("b");
    try (Database db = Database.open("jdbc:sqlite:" + nested.resolve("x.db"), clock)) {
      assertThat(db.ping()).isTrue();
    }
    assertThat(Files.exists(nested.resolve("x.db"))).isTrue();
  }

  @Test
  void reopeningAnExistingFileMigratesNothingAndKeepsData() {
    long migrations;
    try (Database db = TestDatabases.open(dir, clock)) {
      db.inTransaction(c -> c.createStatement().executeUpdate(
          "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)"));
      migrations = TestDatabases.count(db, "SELECT COUNT(*) FROM flyway_schema_history");
    }
    try (Database db = TestDatabases.open(dir, clock)) {
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(migrations);
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM sync_state")).isEqualTo(1);
    }
  }

  @Test
  void everyPooledConnectionHasWalAndThePragmas() throws Exception {
    try (Database db = TestDatabases.open(dir, clock)) {
      // Four connections held at once (the whole SQLite pool), so each pooled connection is checked.
      CountDownLatch allHeld = new CountDownLatch(4);
      List<String> settings = Concurrently.run(4, i -> () -> db.read(c -> {
        allHeld.countDown();
        awaitQuietly(allHeld);
        return pragma(c, "journal_mode") + "," + pragma(c, "foreign_keys") + ","
            + pragma(c, "busy_timeout") + "," + pragma(c, "synchronous");
      }));
      // synchronous NORMAL is 1.
      assertThat(settings).containsOnly("wal,1,10000,1");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String pragma(java.sql.Connection c, String name) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("PRAGMA " + name); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void transactionIsRolledBackWhenTheWorkThrows() {
    try (Database db = TestDatabases.open(dir, clock)) {
      assertThatThrownBy(() -> db.inTransaction(c -> {
        c.createStatement().executeUpdate("INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)");
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM sync_state")).isZero();
      // The connection went back to the pool in a usable state.
      db.inTransaction(c -> c.createStatement().executeUpdate(
          "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)"));
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM sync_state")).isEqualTo(1);
    }
  }

  @Test
  void concurrentReadModifyWriteTransactionsNeitherFailNorLoseUpdates() throws Exception {
    try (Database db = TestDatabases.open(dir, clock)) {
      db.inTransaction(c -> c.createStatement().executeUpdate(
          "INSERT INTO sync_state (key, value, updated_at) VALUES ('n', '0', 1)"));
      Concurrently.run(16, i -> () -> {
        for (int k = 0; k < 10; k++) {
          db.inTransaction(c -> {
            long n;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT value FROM sync_state WHERE key = 'n'")) {
              rs.next();
              n = Long.parseLong(rs.getString(1));
            }
            return c.createStatement().executeUpdate(
                "UPDATE sync_state SET value = '" + (n + 1) + "' WHERE key = 'n'");
          });
        }
        return null;
      });
      String value = db.read(c -> {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT value FROM sync_state WHERE key = 'n'")) {
          rs.next();
          return rs.getString(1);
        }
      });
      assertThat(value).isEqualTo("160");
    }
  }

  @Test
  void uniqueAndPrimaryKeyViolationsAreRecognisedAndOthersAreNot() {
    try (Database db = TestDatabases.open(dir, clock)) {
      String insert = "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)";
      db.inTransaction(c -> c.createStatement().executeUpdate(insert));
      StoreException pk = catchThrowableOfType(StoreException.class,
          () -> db.inTransaction(c -> c.createStatement().executeUpdate(insert)));
      assertThat(pk.isUniqueViolation()).isTrue();

      String outbox = "INSERT INTO slack_outbox (dedupe_key, kind, channel, next_attempt_at, created_at)"
          + " VALUES ('d', 'MESSAGE', 'C1', 1, 1)";
      db.inTransaction(c -> c.createStatement().executeUpdate(outbox));
      StoreException unique = catchThrowableOfType(StoreException.class,
          () -> db.inTransaction(c -> c.createStatement().executeUpdate(outbox)));
      assertThat(unique.isUniqueViolation()).isTrue();

      StoreException foreignKey = catchThrowableOfType(StoreException.class,
          () -> db.inTransaction(c -> c.createStatement().executeUpdate(
              "INSERT INTO assignments (dispute_id, user_id, assigned_by, assigned_at)"
                  + " VALUES ('no-such-dispute', 'U1', 'U2', 1)")));
      assertThat(foreignKey.isUniqueViolation()).isFalse();
      assertThat(foreignKey).hasMessageContaining("FOREIGN KEY");
    }
  }

  @Test
  void passwordInThePostgresUrlNeverAppearsInTheError() {
    String url = "jdbc:postgresql://127.0.0.1:1/disputes?user=desk&password=s3cr%21tPw&connectTimeout=2";
    StoreException e = catchThrowableOfType(StoreException.class, () -> Database.open(url, clock));
    assertThat(e).hasMessageContaining("Cannot open database jdbc:postgresql://127.0.0.1:1/disputes")
        .hasMessageContaining("password=***");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.toString()).doesNotContain("s3cr").doesNotContain("tPw");
    }
  }

  @Test
  void passwordInAnUnsupportedUrlNeverAppearsInTheError() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://admin:hunter2@db/x?password=hunter2", clock))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Unsupported database URL jdbc:mysql://admin:***@db/x?password=***")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void pingAnswersUntilClosed() {
    Database db = TestDatabases.open(dir, clock);
    assertThat(db.ping()).isTrue();
    assertThat(db.isPostgres()).isFalse();
    assertThat(db.clock()).isSameAs(clock);
    db.close();
    assertThat(db.ping()).isFalse();
  }

  private static List<String> tables(Database db) {
    return db.read(c -> {
      List<String> names = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    });
  }
}

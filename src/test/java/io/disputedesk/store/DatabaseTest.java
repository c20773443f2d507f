package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  private static final List<String> TABLES =
      List.of(
          "actions",
          "assignments",
          "audit_log",
          "digests_sent",
          "disputes",
          "flyway_schema_history",
          "inbound_seen",
          "reminders_sent",
          "slack_cards",
          "slack_outbox",
          "sync_state");

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z"));

  @EachDatabase
  void emptyDatabaseIsMigratedWithEveryTableAndFlywayHistory(TestDatabase database) {
    try (Database db = database.open(clock)) {
      assertThat(tables(db)).containsAll(TABLES);
      assertThat(versions(db)).startsWith("1", "1.1");
    }
  }

  @EachDatabase
  void quartzJobStoreTablesExistOnlyOnPostgres(TestDatabase database) {
    try (Database db = database.open(clock)) {
      List<String> quartz = tables(db).stream().filter(t -> t.startsWith("qrtz_")).toList();
      assertThat(quartz).hasSize(database.isPostgres() ? 11 : 0);
      if (database.isPostgres()) {
        assertThat(quartz)
            .contains(
                "qrtz_job_details",
                "qrtz_triggers",
                "qrtz_fired_triggers",
                "qrtz_scheduler_state",
                "qrtz_locks");
      }
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

  @EachDatabase
  void reopeningAnExistingDatabaseMigratesNothingAndKeepsData(TestDatabase database) {
    long migrations;
    try (Database db = database.open(clock)) {
      db.inTransaction(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)"));
      migrations = TestDatabases.count(db, "SELECT COUNT(*) FROM flyway_schema_history");
    }
    try (Database db = database.open(clock)) {
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM flyway_schema_history"))
          .isEqualTo(migrations);
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM sync_state")).isEqualTo(1);
    }
  }

  @Test
  void everyPooledConnectionHasWalAndThePragmas() throws Exception {
    try (Database db = TestDatabases.open(dir, clock)) {
      // Four connections held at once (the whole SQLite pool), so each pooled connection is
      // checked.
      CountDownLatch allHeld = new CountDownLatch(4);
      List<String> settings =
          Concurrently.run(
              4,
              i ->
                  () ->
                      db.read(
                          c -> {
                            allHeld.countDown();
                            awaitQuietly(allHeld);
                            return pragma(c, "journal_mode")
                                + ","
                                + pragma(c, "foreign_keys")
                                + ","
                                + pragma(c, "busy_timeout")
                                + ","
                                + pragma(c, "synchronous");
                          }));
      // synchronous NORMAL is 1.
      assertThat(settings).containsOnly("wal,1,10000,1");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    Await.until("the other connection", latch, Duration.ofSeconds(10));
  }

  private static String pragma(java.sql.Connection c, String name) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("PRAGMA " + name);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  @EachDatabase
  void transactionIsRolledBackWhenTheWorkThrows(TestDatabase database) {
    try (Database db = database.open(clock)) {
      assertThatThrownBy(
              () ->
                  db.inTransaction(
                      c -> {
                        c.createStatement()
                            .executeUpdate(
                                "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)");
                        throw new IllegalStateException("boom");
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("boom");
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM sync_state")).isZero();
      // The connection went back to the pool in a usable state.
      db.inTransaction(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)"));
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM sync_state")).isEqualTo(1);
    }
  }

  /**
   * SQLite serialises whole transactions; on PostgreSQL the read takes the row lock, as stores do.
   */
  @EachDatabase
  void concurrentReadModifyWriteTransactionsNeitherFailNorLoseUpdates(TestDatabase database)
      throws Exception {
    String lock = database.isPostgres() ? " FOR UPDATE" : "";
    try (Database db = database.open(clock)) {
      db.inTransaction(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "INSERT INTO sync_state (key, value, updated_at) VALUES ('n', '0', 1)"));
      Concurrently.run(
          16,
          i ->
              () -> {
                for (int k = 0; k < 10; k++) {
                  db.inTransaction(
                      c -> {
                        long n;
                        try (ResultSet rs =
                            c.createStatement()
                                .executeQuery(
                                    "SELECT value FROM sync_state WHERE key = 'n'" + lock)) {
                          rs.next();
                          n = Long.parseLong(rs.getString(1));
                        }
                        return c.createStatement()
                            .executeUpdate(
                                "UPDATE sync_state SET value = '" + (n + 1) + "' WHERE key = 'n'");
                      });
                }
                return null;
              });
      String value =
          db.read(
              c -> {
                try (ResultSet rs =
                    c.createStatement()
                        .executeQuery("SELECT value FROM sync_state WHERE key = 'n'")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      assertThat(value).isEqualTo("160");
    }
  }

  @EachDatabase
  void uniqueAndPrimaryKeyViolationsAreRecognisedAndOthersAreNot(TestDatabase database) {
    try (Database db = database.open(clock)) {
      String insert = "INSERT INTO sync_state (key, value, updated_at) VALUES ('k', 'v', 1)";
      db.inTransaction(c -> c.createStatement().executeUpdate(insert));
      StoreException pk =
          catchThrowableOfType(
              StoreException.class,
              () -> db.inTransaction(c -> c.createStatement().executeUpdate(insert)));
      assertThat(pk.isUniqueViolation()).isTrue();

      String outbox =
          "INSERT INTO slack_outbox (dedupe_key, kind, channel, next_attempt_at, created_at)"
              + " VALUES ('d', 'MESSAGE', 'C1', 1, 1)";
      db.inTransaction(c -> c.createStatement().executeUpdate(outbox));
      StoreException unique =
          catchThrowableOfType(
              StoreException.class,
              () -> db.inTransaction(c -> c.createStatement().executeUpdate(outbox)));
      assertThat(unique.isUniqueViolation()).isTrue();

      StoreException foreignKey =
          catchThrowableOfType(
              StoreException.class,
              () ->
                  db.inTransaction(
                      c ->
                          c.createStatement()
                              .executeUpdate(
                                  "INSERT INTO assignments (dispute_id, user_id, assigned_by, assigned_at)"
                                      + " VALUES ('no-such-dispute', 'U1', 'U2', 1)")));
      assertThat(foreignKey.isUniqueViolation()).isFalse();
      assertThat(foreignKey.getMessage()).containsIgnoringCase("foreign key");
    }
  }

  @Test
  void passwordInThePostgresUrlNeverAppearsInTheError() {
    String url =
        "jdbc:postgresql://127.0.0.1:1/disputes?user=desk&password=s3cr%21tPw&connectTimeout=2";
    StoreException e = catchThrowableOfType(StoreException.class, () -> Database.open(url, clock));
    assertThat(e)
        .hasMessageContaining("Cannot open database jdbc:postgresql://127.0.0.1:1/disputes")
        .hasMessageContaining("password=***");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.toString()).doesNotContain("s3cr").doesNotContain("tPw");
    }
  }

  @Test
  void passwordInAnUnsupportedUrlNeverAppearsInTheError() {
    assertThatThrownBy(
            () -> Database.open("jdbc:mysql://admin:hunter2@db/x?password=hunter2", clock))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Unsupported database URL jdbc:mysql://admin:***@db/x?password=***")
        .hasMessageNotContaining("hunter2");
  }

  @EachDatabase
  void pingAnswersUntilClosed(TestDatabase database) {
    Database db = database.open(clock);
    assertThat(db.ping()).isTrue();
    assertThat(db.isPostgres()).isEqualTo(database.isPostgres());
    assertThat(db.clock()).isSameAs(clock);
    db.close();
    assertThat(db.ping()).isFalse();
  }

  /** The tables of the database's current schema (SQLite has just the one). */
  private static List<String> tables(Database db) {
    return db.read(
        c -> {
          List<String> names = new ArrayList<>();
          try (ResultSet rs =
              c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
              names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
          }
          return names;
        });
  }

  private static List<String> versions(Database db) {
    return db.read(
        c -> {
          List<String> versions = new ArrayList<>();
          try (ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
              assertThat(rs.getBoolean("success")).isTrue();
              versions.add(rs.getString("version"));
            }
          }
          return versions;
        });
  }
}

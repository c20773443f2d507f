package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.disputedesk.store.Migrations.Outcome;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway is skipped only when the migrations are the ones the last successful migrate ran with: a
 * new database, an old one with pending migrations, a new migration and a changed file all go
 * through Flyway, and PostgreSQL replicas starting together wait for each other.
 */
class MigrationsTest {
  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z"));

  @EachDatabase
  void newDatabaseIsMigratedAndAStartWithTheSameMigrationsSkipsFlyway(TestDatabase database)
      throws Exception {
    Vendor vendor = vendor(database);
    try (HikariDataSource pool = pool(database)) {
      assertThat(Migrations.apply(pool, vendor, vendor.migrationLocation(), clock))
          .isEqualTo(Outcome.MIGRATED);
      assertThat(versions(pool)).contains("1", "4.4", "4.6", "4.7");
      assertThat(storedFingerprint(pool))
          .isEqualTo(SchemaFingerprint.of(vendor.migrationLocation(), getClass().getClassLoader()));

      assertThat(Migrations.apply(pool, vendor, vendor.migrationLocation(), clock))
          .isEqualTo(Outcome.UNCHANGED);
    }
    try (Database db = database.open(clock)) {
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM disputes")).isZero();
    }
  }

  @EachDatabase
  void databaseFromBeforeTheFingerprintIsMigratedWithItsPendingMigrations(TestDatabase database)
      throws Exception {
    Vendor vendor = vendor(database);
    Path old = bundledCopy(vendor, "old");
    Files.delete(old.resolve("V4_6__schema_fingerprint.sql"));
    // And the migrations after it, which that release did not have either.
    Files.delete(old.resolve("V4_7__search_text.sql"));
    try (HikariDataSource pool = pool(database)) {
      assertThat(Migrations.apply(pool, vendor, "filesystem:" + old, clock))
          .isEqualTo(Outcome.MIGRATED);
      assertThat(versions(pool)).contains("4.4").doesNotContain("4.6");
      assertThat(storedFingerprint(pool)).isEmpty();

      assertThat(Migrations.apply(pool, vendor, vendor.migrationLocation(), clock))
          .isEqualTo(Outcome.MIGRATED);
      assertThat(versions(pool)).contains("4.6");
      assertThat(storedFingerprint(pool)).isPresent();
      assertThat(Migrations.apply(pool, vendor, vendor.migrationLocation(), clock))
          .isEqualTo(Outcome.UNCHANGED);
    }
  }

  @EachDatabase
  void aNewMigrationIsAppliedEvenThoughAFingerprintIsStored(TestDatabase database)
      throws Exception {
    Vendor vendor = vendor(database);
    Path next = bundledCopy(vendor, "next");
    Files.writeString(
        next.resolve("V99__later_release.sql"), "CREATE TABLE later_release (id INTEGER);\n");
    try (HikariDataSource pool = pool(database)) {
      Migrations.apply(pool, vendor, vendor.migrationLocation(), clock);

      assertThat(Migrations.apply(pool, vendor, "filesystem:" + next, clock))
          .isEqualTo(Outcome.MIGRATED);
      assertThat(versions(pool)).contains("99");
      assertThat(count(pool, "SELECT COUNT(*) FROM later_release")).isZero();
      assertThat(storedFingerprint(pool))
          .isEqualTo(SchemaFingerprint.of("filesystem:" + next, null));
    }
  }

  @EachDatabase
  void aChangedMigrationFileIsValidatedByFlywayNotSkipped(TestDatabase database) throws Exception {
    Vendor vendor = vendor(database);
    Path files = bundledCopy(vendor, "changed");
    try (HikariDataSource pool = pool(database)) {
      Migrations.apply(pool, vendor, "filesystem:" + files, clock);
      Optional<String> before = storedFingerprint(pool);
      Files.writeString(
          files.resolve("V2__queries.sql"), "-- edited after it ran\n", StandardOpenOption.APPEND);

      assertThatThrownBy(() -> Migrations.apply(pool, vendor, "filesystem:" + files, clock))
          .isInstanceOf(FlywayValidateException.class)
          .hasMessageContaining("checksum mismatch");
      assertThat(storedFingerprint(pool)).isEqualTo(before);
    }
  }

  /**
   * Stands in for a replica that holds the lock while it migrates: the other start waits, then goes
   * on.
   */
  @EachDatabase
  void onPostgresAStartWaitsWhileAnotherReplicaMigrates(TestDatabase database) throws Exception {
    assumeTrue(database.isPostgres(), "replicas share only a PostgreSQL database");
    try (Connection other = DriverManager.getConnection(database.url());
        HikariDataSource pool = pool(database)) {
      advisoryLock(other, "pg_advisory_lock");
      CompletableFuture<Outcome> start = CompletableFuture.supplyAsync(() -> apply(pool));

      Await.until("the start to wait on the migration lock", () -> waitersOnTheLock(other) == 1);
      assertThat(start).isNotDone();
      assertThat(
              count(
                  pool,
                  "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"))
          .isZero();

      advisoryLock(other, "pg_advisory_unlock");
      assertThat(start.get(60, TimeUnit.SECONDS)).isEqualTo(Outcome.MIGRATED);
      assertThat(versions(pool)).contains("4.6");
    }
  }

  @EachDatabase
  void onPostgresReplicasStartingTogetherMigrateOnceAndBothOpen(TestDatabase database)
      throws Exception {
    assumeTrue(database.isPostgres(), "replicas share only a PostgreSQL database");
    try (HikariDataSource a = pool(database);
        HikariDataSource b = pool(database)) {
      List<Outcome> outcomes = Concurrently.run(2, i -> () -> apply(i == 0 ? a : b));

      assertThat(outcomes).containsExactlyInAnyOrder(Outcome.MIGRATED, Outcome.UNCHANGED);
      List<String> versions = versions(a);
      assertThat(versions).doesNotHaveDuplicates().contains("1", "4.6");
    }
  }

  private Outcome apply(HikariDataSource pool) {
    try {
      return Migrations.apply(
          pool, Vendor.POSTGRESQL, Vendor.POSTGRESQL.migrationLocation(), clock);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Vendor vendor(TestDatabase database) {
    return database.isPostgres() ? Vendor.POSTGRESQL : Vendor.SQLITE;
  }

  private static HikariDataSource pool(TestDatabase database) throws IOException {
    return Pools.create(vendor(database), database.url());
  }

  /**
   * A copy of the bundled migration folder, to change as a later release or a careless edit would.
   */
  private Path bundledCopy(Vendor vendor, String name) throws IOException, URISyntaxException {
    Path bundled =
        Path.of(
            getClass()
                .getResource("/db/migration/" + vendor.name().toLowerCase(Locale.ROOT))
                .toURI());
    Path copy = Files.createDirectories(dir.resolve(name));
    try (Stream<Path> files = Files.list(bundled)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName().toString()));
      }
    }
    return copy;
  }

  private static Optional<String> storedFingerprint(HikariDataSource pool) throws SQLException {
    try (Connection c = pool.getConnection()) {
      if (!hasTable(c, "schema_fingerprint")) {
        return Optional.empty();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM schema_fingerprint");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static boolean hasTable(Connection c, String name) throws SQLException {
    try (ResultSet rs =
        c.getMetaData().getTables(null, c.getSchema(), name, new String[] {"TABLE"})) {
      return rs.next();
    }
  }

  private static List<String> versions(HikariDataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
        ResultSet rs = ps.executeQuery()) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
      return versions;
    }
  }

  private static long count(HikariDataSource pool, String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void advisoryLock(Connection c, String function) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + function + "(?, hashtext(coalesce(current_schema(), '')))")) {
      ps.setInt(1, Migrations.LOCK_KEY);
      ps.executeQuery().close();
    }
  }

  private static long waitersOnTheLock(Connection c) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND NOT granted AND classid::bigint = ? AND objsubid = 2"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      ps.setLong(1, Migrations.LOCK_KEY);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

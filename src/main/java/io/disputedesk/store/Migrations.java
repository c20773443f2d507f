package io.disputedesk.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway, unless the fingerprint of the bundled migrations is the
 * one the last successful migrate stored: then there is nothing to migrate, and the start skips
 * Flyway's classpath scan and validation (most of a cold start's time in the database).
 */
final class Migrations {
  /** What bringing the schema up to date did. */
  enum Outcome {
    UNCHANGED,
    MIGRATED
  }

  /**
   * Our own lock, around reading the fingerprint, migrating and storing it (PostgreSQL, where
   * replicas share the database): a replica starting while another migrates waits for it, as it
   * waits today on Flyway's lock. The pair form's key space is apart from Flyway's.
   */
  static final int LOCK_KEY = 0x44_44_53_46;

  /**
   * One lock per schema (the connection's current one), as Flyway's schema history is per schema.
   */
  private static final String SCHEMA_KEY = "hashtext(coalesce(current_schema(), ''))";

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final String READ = "SELECT fingerprint FROM schema_fingerprint WHERE id = 1";
  private static final String STORE =
      "INSERT INTO schema_fingerprint (id, fingerprint, migrated_at) VALUES (1, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, migrated_at = excluded.migrated_at";

  private Migrations() {}

  /** Migrates the schema from {@code location} unless its fingerprint is the one stored. */
  static Outcome apply(HikariDataSource dataSource, Vendor vendor, String location, Clock clock)
      throws SQLException {
    Optional<String> ours = SchemaFingerprint.of(location, Migrations.class.getClassLoader());
    try (Connection c = dataSource.getConnection()) {
      if (vendor != Vendor.POSTGRESQL) {
        return migrateUnlessUnchanged(dataSource, c, ours, location, clock);
      }
      call(c, "SELECT pg_advisory_lock(?, " + SCHEMA_KEY + ")");
      Outcome outcome;
      try {
        outcome = migrateUnlessUnchanged(dataSource, c, ours, location, clock);
      } catch (RuntimeException | SQLException e) {
        try {
          unlock(dataSource, c);
        } catch (SQLException unlockFailed) {
          e.addSuppressed(unlockFailed);
        }
        throw e;
      }
      unlock(dataSource, c);
      return outcome;
    }
  }

  private static Outcome migrateUnlessUnchanged(
      HikariDataSource dataSource,
      Connection c,
      Optional<String> ours,
      String location,
      Clock clock)
      throws SQLException {
    if (ours.isPresent() && ours.equals(stored(c))) {
      return Outcome.UNCHANGED;
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location)
        .failOnMissingLocations(true)
        .load()
        .migrate();
    if (ours.isPresent()) {
      store(c, ours.get(), clock);
    }
    return Outcome.MIGRATED;
  }

  /**
   * The stored fingerprint; empty before the table exists (its migration not run yet) or when
   * unreadable.
   */
  private static Optional<String> stored(Connection c) {
    try (PreparedStatement ps = c.prepareStatement(READ);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      // Flyway runs then, and reports a real problem with the database itself.
      return Optional.empty();
    }
  }

  /** Best effort: without it, the next start only runs Flyway's checks again. */
  private static void store(Connection c, String fingerprint, Clock clock) {
    try (PreparedStatement ps = c.prepareStatement(STORE)) {
      ps.setString(1, fingerprint);
      ps.setLong(2, clock.millis());
      ps.executeUpdate();
    } catch (SQLException e) {
      // E.g. migrations from before the fingerprint's table.
      log.info(
          "Migrations' fingerprint not stored, so the next start runs Flyway again: {}",
          e.getMessage());
    }
  }

  /**
   * A session lock outlives the connection's return to the pool: one that cannot unlock is closed
   * for good.
   */
  private static void unlock(HikariDataSource dataSource, Connection c) throws SQLException {
    try {
      call(c, "SELECT pg_advisory_unlock(?, " + SCHEMA_KEY + ")");
    } catch (SQLException e) {
      dataSource.evictConnection(c);
      throw e;
    }
  }

  private static void call(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, LOCK_KEY);
      ps.executeQuery().close();
    }
  }
}

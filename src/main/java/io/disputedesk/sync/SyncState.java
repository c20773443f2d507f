package io.disputedesk.sync;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Small named values that survive restarts: the poll cursor, the last successful poll, the last
 * error.
 */
public final class SyncState {
  private final Database db;

  public SyncState(Database db) {
    this.db = db;
  }

  public Optional<String> string(String key) {
    return db.first(
        "SELECT value FROM sync_state WHERE key = ?",
        ps -> ps.setString(1, key),
        rs -> rs.getString("value"));
  }

  /** The instant stored under the key; empty when absent or not an ISO-8601 instant. */
  public Optional<Instant> instant(String key) {
    return string(key).flatMap(SyncState::parse);
  }

  private static Optional<Instant> parse(String value) {
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  public void put(String key, Instant value) {
    put(key, value.toString());
  }

  public void put(String key, String value) {
    Instant now = db.clock().instant();
    db.update(
        "INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        ps -> {
          ps.setString(1, key);
          ps.setString(2, value);
          Jdbc.setInstant(ps, 3, now);
        });
  }
}

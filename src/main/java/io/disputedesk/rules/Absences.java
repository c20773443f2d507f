package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/**
 * Who is away and until when ({@code /disputes away}); round-robin assignment skips them meanwhile.
 */
public final class Absences {
  private final Database db;

  public Absences(Database db) {
    this.db = db;
  }

  /** Marks the person away until {@code until} (replacing an earlier date). */
  public void setAway(String userId, Instant until) {
    db.update(
        "INSERT INTO people_away (user_id, away_until, set_at)"
            + " VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET away_until = excluded.away_until,"
            + " set_at = excluded.set_at",
        ps -> {
          ps.setString(1, userId);
          Jdbc.setInstant(ps, 2, until);
          Jdbc.setInstant(ps, 3, db.clock().instant());
        });
  }

  /** The person is back; false when they were not marked away. */
  public boolean back(String userId) {
    return db.updateOne("DELETE FROM people_away WHERE user_id = ?", ps -> ps.setString(1, userId));
  }

  /** Until when the person is away, if they are at {@code now}. */
  public Optional<Instant> awayUntil(String userId, Instant now) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT away_until FROM people_away WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.<Instant>empty();
              }
              Instant until = Jdbc.getInstant(rs, "away_until");
              return until.isAfter(now) ? Optional.of(until) : Optional.<Instant>empty();
            }
          }
        });
  }
}

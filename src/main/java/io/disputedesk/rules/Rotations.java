package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.util.List;
import java.util.Optional;

/**
 * Whose turn it is in a round-robin: the next person after the one last given a dispute, among
 * those available now. Taking a turn is a compare-and-set, so two replicas taking turns at once
 * give them to different people.
 */
final class Rotations implements Rotation {
  private static final int ATTEMPTS = 20;

  private final Database db;
  private final String rotation;

  Rotations(Database db, String rotation) {
    this.db = db;
    this.rotation = rotation;
  }

  @Override
  public Optional<String> next(List<String> available) {
    if (available.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < ATTEMPTS; i++) {
      Optional<String> last = last();
      String next = Rotation.after(last.orElse(null), available);
      if (last.isEmpty() ? insert(next) : swap(last.get(), next)) {
        return Optional.of(next);
      }
    }
    throw new IllegalStateException("the rotation " + rotation + " kept changing under us");
  }

  private Optional<String> last() {
    return db.first(
        "SELECT last_user FROM rule_rotations WHERE rotation = ?",
        ps -> ps.setString(1, rotation),
        rs -> rs.getString(1));
  }

  private boolean insert(String user) {
    return db.updateOne(
        "INSERT INTO rule_rotations (rotation, last_user, updated_at)"
            + " VALUES (?, ?, ?) ON CONFLICT (rotation) DO NOTHING",
        ps -> {
          ps.setString(1, rotation);
          ps.setString(2, user);
          Jdbc.setInstant(ps, 3, db.clock().instant());
        });
  }

  private boolean swap(String from, String to) {
    return db.updateOne(
        "UPDATE rule_rotations SET last_user = ?, updated_at = ? WHERE rotation = ? AND last_user = ?",
        ps -> {
          ps.setString(1, to);
          Jdbc.setInstant(ps, 2, db.clock().instant());
          ps.setString(3, rotation);
          ps.setString(4, from);
        });
  }
}

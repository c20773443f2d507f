package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which rules are paused, in the database so every replica sees a pause at its next trigger. The
 * name {@code *} pauses every rule at once.
 */
public final class RulePauses {
  public static final String ALL = "*";

  private final Database db;

  RulePauses(Database db) {
    this.db = db;
  }

  public record Pause(String pausedBy, Instant at) {}

  /** Pauses {@code rule} (or {@link #ALL}); false when it was paused already. */
  public boolean pause(String rule, String by) {
    return db.updateOne(
        "INSERT INTO rule_pauses (rule_name, paused_by, paused_at)"
            + " VALUES (?, ?, ?) ON CONFLICT (rule_name) DO NOTHING",
        ps -> {
          ps.setString(1, rule);
          ps.setString(2, by);
          Jdbc.setInstant(ps, 3, db.clock().instant());
        });
  }

  /** Resumes {@code rule} (or {@link #ALL}); false when it was not paused. */
  public boolean resume(String rule) {
    return db.updateOne("DELETE FROM rule_pauses WHERE rule_name = ?", ps -> ps.setString(1, rule));
  }

  /** Why the rule does nothing now: its own pause or the pause of all; empty when it runs. */
  public Optional<Pause> pauseOf(String rule) {
    Map<String, Pause> all = all();
    return Optional.ofNullable(all.getOrDefault(ALL, all.get(rule)));
  }

  public Map<String, Pause> all() {
    return db.read(
        c -> {
          Map<String, Pause> out = new HashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT rule_name, paused_by, paused_at FROM rule_pauses");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(
                  rs.getString(1), new Pause(rs.getString(2), Jdbc.getInstant(rs, "paused_at")));
            }
          }
          return out;
        });
  }
}

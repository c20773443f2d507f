package io.disputedesk.rules;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open disputes waiting for the seller whose deadline falls within a window: the due-within
 * trigger.
 */
final class DueSoon {
  private final Database db;

  DueSoon(Database db) {
    this.db = db;
  }

  /**
   * Dispute ids with their seller deadline, for deadlines after {@code now} and at most {@code
   * until}.
   */
  Map<String, Instant> between(Instant now, Instant until) {
    return db.read(
        c -> {
          Map<String, Instant> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT dispute_id, seller_due FROM disputes WHERE status = ?"
                      + " AND seller_due > ? AND seller_due <= ? ORDER BY seller_due, dispute_id")) {
            ps.setString(1, "WAITING_FOR_SELLER_RESPONSE");
            Jdbc.setInstant(ps, 2, now);
            Jdbc.setInstant(ps, 3, until);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), Jdbc.getInstant(rs, "seller_due"));
              }
            }
          }
          return out;
        });
  }
}

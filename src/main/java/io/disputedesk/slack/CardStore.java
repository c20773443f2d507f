package io.disputedesk.slack;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The one Slack card per dispute. The dispute must already be stored. */
public final class CardStore {
  private final Database db;

  public CardStore(Database db) {
    this.db = db;
  }

  public Optional<Card> find(String disputeId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT dispute_id, channel, ts, rendered_update,"
          + " rendered_at FROM slack_cards WHERE dispute_id = ?")) {
        ps.setString(1, disputeId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          return Optional.of(new Card(rs.getString("dispute_id"), rs.getString("channel"),
              rs.getString("ts"), Jdbc.getInstant(rs, "rendered_update"),
              Jdbc.getInstant(rs, "rendered_at")));
        }
      }
    });
  }

  /** Records a posted card, replacing whatever was recorded for the dispute before. */
  public void save(String disputeId, String channel, String ts, Instant renderedUpdate) {
    Instant now = db.clock().instant();
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO slack_cards (dispute_id, channel, ts, rendered_update, rendered_at)"
              + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (dispute_id) DO UPDATE SET channel = excluded.channel,"
              + " ts = excluded.ts, rendered_update = excluded.rendered_update,"
              + " rendered_at = excluded.rendered_at")) {
        ps.setString(1, disputeId);
        ps.setString(2, channel);
        ps.setString(3, ts);
        Jdbc.setInstant(ps, 4, renderedUpdate);
        Jdbc.setInstant(ps, 5, now);
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Records that the card now shows the dispute as of {@code renderedUpdate}; false (and no
   * change) when the card is unknown or already shows a newer state.
   */
  public boolean updateRendered(String disputeId, Instant renderedUpdate) {
    Objects.requireNonNull(renderedUpdate, "renderedUpdate");
    Instant now = db.clock().instant();
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE slack_cards SET rendered_update = ?, rendered_at = ?"
              + " WHERE dispute_id = ? AND (rendered_update IS NULL OR rendered_update <= ?)")) {
        Jdbc.setInstant(ps, 1, renderedUpdate);
        Jdbc.setInstant(ps, 2, now);
        ps.setString(3, disputeId);
        Jdbc.setInstant(ps, 4, renderedUpdate);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Points the record at a re-posted card (the old message was deleted); false when unknown. */
  public boolean replaceTs(String disputeId, String newTs) {
    Instant now = db.clock().instant();
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE slack_cards SET ts = ?, rendered_at = ? WHERE dispute_id = ?")) {
        ps.setString(1, newTs);
        Jdbc.setInstant(ps, 2, now);
        ps.setString(3, disputeId);
        return ps.executeUpdate() == 1;
      }
    });
  }
}

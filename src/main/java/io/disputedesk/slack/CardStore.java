package io.disputedesk.slack;

import io.disputedesk.store.Database;
import io.disputedesk.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Slack cards of disputes: at most one per dispute per channel. A dispute routed to several
 * channels has a card in each; a card whose channel the dispute left stays, marked not routed. The
 * dispute must already be stored.
 */
public final class CardStore {
  private static final String COLUMNS =
      "dispute_id, channel, ts, rendered_update, rendered_at, routed";

  /** Its first card still routed, else its first card. */
  private static final String FIRST = " ORDER BY routed DESC, posted_at, channel";

  private final Database db;

  public CardStore(Database db) {
    this.db = db;
  }

  /** The dispute's card in one channel. */
  public Optional<Card> find(String disputeId, String channel) {
    return query(
            "SELECT " + COLUMNS + " FROM slack_cards WHERE dispute_id = ? AND channel = ?",
            disputeId,
            channel)
        .stream()
        .findFirst();
  }

  /**
   * The dispute's first card still routed (or its first card when none is): the one lists link to.
   */
  public Optional<Card> find(String disputeId) {
    return forDispute(disputeId).stream().findFirst();
  }

  /** Every card of the dispute, the routed ones first, each group oldest first. */
  public List<Card> forDispute(String disputeId) {
    return query("SELECT " + COLUMNS + " FROM slack_cards WHERE dispute_id = ?" + FIRST, disputeId);
  }

  /** Records a posted card in its channel (routed), replacing what was recorded there before. */
  public void save(String disputeId, String channel, String ts, Instant renderedUpdate) {
    Instant now = db.clock().instant();
    db.update(
        "INSERT INTO slack_cards (dispute_id, channel, ts, rendered_update, rendered_at, routed, posted_at)"
            + " VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT (dispute_id, channel) DO UPDATE SET"
            + " ts = excluded.ts, rendered_update = excluded.rendered_update,"
            + " rendered_at = excluded.rendered_at, routed = 1",
        ps -> {
          ps.setString(1, disputeId);
          ps.setString(2, channel);
          ps.setString(3, ts);
          Jdbc.setInstant(ps, 4, renderedUpdate);
          Jdbc.setInstant(ps, 5, now);
          Jdbc.setInstant(ps, 6, now);
        });
  }

  /**
   * Records that the card in {@code channel} now shows the dispute as of {@code renderedUpdate},
   * routed there or not; false (and no change) when the card is unknown or already shows a newer
   * state.
   */
  public boolean updateRendered(
      String disputeId, String channel, Instant renderedUpdate, boolean routed) {
    Objects.requireNonNull(renderedUpdate, "renderedUpdate");
    Instant now = db.clock().instant();
    return db.updateOne(
        "UPDATE slack_cards SET rendered_update = ?, rendered_at = ?, routed = ?"
            + " WHERE dispute_id = ? AND channel = ? AND (rendered_update IS NULL OR rendered_update <= ?)",
        ps -> {
          Jdbc.setInstant(ps, 1, renderedUpdate);
          Jdbc.setInstant(ps, 2, now);
          ps.setInt(3, routed ? 1 : 0);
          ps.setString(4, disputeId);
          ps.setString(5, channel);
          Jdbc.setInstant(ps, 6, renderedUpdate);
        });
  }

  /**
   * Marks the card in {@code channel} routed or not, whatever state it shows; false when unknown.
   */
  public boolean markRouted(String disputeId, String channel, boolean routed) {
    return db.updateOne(
        "UPDATE slack_cards SET routed = ? WHERE dispute_id = ? AND channel = ?",
        ps -> {
          ps.setInt(1, routed ? 1 : 0);
          ps.setString(2, disputeId);
          ps.setString(3, channel);
        });
  }

  /**
   * {@link #updateRendered(String, String, Instant, boolean)} for the dispute's first card, still
   * routed.
   */
  public boolean updateRendered(String disputeId, Instant renderedUpdate) {
    return find(disputeId)
        .map(card -> updateRendered(disputeId, card.channel(), renderedUpdate, true))
        .orElse(false);
  }

  /**
   * Points the record of the card in {@code channel} at a re-posted card (the old one was deleted).
   */
  public boolean replaceTs(String disputeId, String channel, String newTs) {
    Instant now = db.clock().instant();
    return db.updateOne(
        "UPDATE slack_cards SET ts = ?, rendered_at = ? WHERE dispute_id = ? AND channel = ?",
        ps -> {
          ps.setString(1, newTs);
          Jdbc.setInstant(ps, 2, now);
          ps.setString(3, disputeId);
          ps.setString(4, channel);
        });
  }

  /**
   * {@link #replaceTs(String, String, String)} for the dispute's first card; false when it has
   * none.
   */
  public boolean replaceTs(String disputeId, String newTs) {
    return find(disputeId).map(card -> replaceTs(disputeId, card.channel(), newTs)).orElse(false);
  }

  private List<Card> query(String sql, String... params) {
    return db.list(sql, Jdbc.strings(params), CardStore::card);
  }

  private static Card card(ResultSet rs) throws SQLException {
    return new Card(
        rs.getString("dispute_id"),
        rs.getString("channel"),
        rs.getString("ts"),
        Jdbc.getInstant(rs, "rendered_update"),
        Jdbc.getInstant(rs, "rendered_at"),
        rs.getInt("routed") == 1);
  }
}

package io.disputedesk.drafts;

import io.disputedesk.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence drafts in the database: saved, edited while still drafts, and claimed exactly once for
 * sending.
 */
public final class EvidenceDraftStore implements UnsentDrafts {
  private static final String COLUMNS =
      "id, dispute_id, form_json, summary, author, updated_by, status, created_at, updated_at, sent_by";

  private final Database db;
  private final Clock clock;

  public EvidenceDraftStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Stores a new draft by {@code author}; returns its id. */
  public long create(String disputeId, String formJson, String summary, String author) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO evidence_drafts (dispute_id, form_json, summary,"
                      + " author, updated_by, status, created_at, updated_at)"
                      + " VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id")) {
            long now = clock.millis();
            ps.setString(1, disputeId);
            ps.setString(2, formJson);
            ps.setString(3, summary);
            ps.setString(4, author);
            ps.setString(5, author);
            ps.setLong(6, now);
            ps.setLong(7, now);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /**
   * Replaces a draft's form while it is still a draft; false when it was sent or overtaken
   * meanwhile.
   */
  public boolean update(long id, String formJson, String summary, String editor) {
    return db.updateOne(
        "UPDATE evidence_drafts SET form_json = ?, summary = ?, updated_by = ?, updated_at = ?"
            + " WHERE id = ? AND status = 'DRAFT'",
        ps -> {
          ps.setString(1, formJson);
          ps.setString(2, summary);
          ps.setString(3, editor);
          ps.setLong(4, clock.millis());
          ps.setLong(5, id);
        });
  }

  /**
   * Claims the draft for sending (compare-and-set from DRAFT): true for one caller; a second click,
   * another replica or a restart finds it SENDING, and then SENT once PayPal accepted it. Only a
   * refusal ({@link #reopen}) lets it be claimed again.
   */
  public boolean claim(long id, String sender) {
    return db.updateOne(
        "UPDATE evidence_drafts SET status = 'SENDING', sent_by = ?, updated_at = ?"
            + " WHERE id = ? AND status = 'DRAFT'",
        ps -> {
          ps.setString(1, sender);
          ps.setLong(2, clock.millis());
          ps.setLong(3, id);
        });
  }

  /** Records that PayPal accepted the claimed draft; false when it was not being sent. */
  public boolean sent(long id) {
    return move(id, "SENDING", "status = 'SENT'");
  }

  /**
   * Makes a claimed draft a draft again after PayPal refused it (nothing was done), so it can be
   * fixed and sent; false when it was not being sent (never once PayPal accepted it).
   */
  public boolean reopen(long id) {
    return move(id, "SENDING", "status = 'DRAFT', sent_by = NULL");
  }

  /** Marks a draft overtaken (the dispute moved on); false when it was no longer a draft. */
  public boolean overtake(long id) {
    return move(id, "DRAFT", "status = 'OVERTAKEN'");
  }

  /**
   * The drafts claimed for sending before {@code before}, oldest first: a send that never reached
   * the action ledger (our error, or the process stopped) leaves one here.
   */
  public List<EvidenceDraft> claimedBefore(java.time.Instant before) {
    return db.list(
        "SELECT "
            + COLUMNS
            + " FROM evidence_drafts WHERE status = 'SENDING' AND updated_at < ? ORDER BY id",
        ps -> ps.setLong(1, before.toEpochMilli()),
        EvidenceDraftStore::row);
  }

  public Optional<EvidenceDraft> find(long id) {
    return db.first(
        "SELECT " + COLUMNS + " FROM evidence_drafts WHERE id = ?",
        ps -> ps.setLong(1, id),
        EvidenceDraftStore::row);
  }

  /** How many drafts wait to be sent, per dispute (disputes without any are left out). */
  @Override
  public Map<String, Integer> unsent() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT dispute_id, COUNT(*) FROM evidence_drafts"
                      + " WHERE status = 'DRAFT' GROUP BY dispute_id ORDER BY dispute_id")) {
            try (ResultSet rs = ps.executeQuery()) {
              Map<String, Integer> out = new LinkedHashMap<>();
              while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
              }
              return out;
            }
          }
        });
  }

  private static EvidenceDraft row(ResultSet rs) throws SQLException {
    return new EvidenceDraft(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        EvidenceDraft.Status.valueOf(rs.getString(7)),
        java.time.Instant.ofEpochMilli(rs.getLong(8)),
        java.time.Instant.ofEpochMilli(rs.getLong(9)),
        rs.getString(10));
  }

  /** Sets {@code set} (and the update time) on the draft while its status is {@code from}. */
  private boolean move(long id, String from, String set) {
    return db.updateOne(
        "UPDATE evidence_drafts SET " + set + ", updated_at = ? WHERE id = ? AND status = ?",
        ps -> {
          ps.setLong(1, clock.millis());
          ps.setLong(2, id);
          ps.setString(3, from);
        });
  }
}

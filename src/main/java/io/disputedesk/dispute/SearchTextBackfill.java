package io.disputedesk.dispute;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.store.Database;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the search text of disputes stored before it existed (or by an older replica), from their
 * row and stored JSON, as a write of the dispute would have. Each row is filled only while it is
 * still empty, so replicas filling at the same time, or a sync storing the dispute meanwhile, never
 * overwrite each other; once every row is filled a start finds nothing to do in the unfilled index.
 */
public final class SearchTextBackfill {
  private static final Logger log = LoggerFactory.getLogger(SearchTextBackfill.class);

  /** Rows filled per transaction: SQLite's one writer is never held for long. */
  static final int BATCH = 200;

  private static final String UNFILLED =
      "SELECT dispute_id, buyer_name, seller_txn_id, buyer_txn_id, raw_json FROM disputes"
          + " WHERE search_text IS NULL AND dispute_id > ? ORDER BY dispute_id LIMIT ?";
  private static final String FILL =
      "UPDATE disputes SET search_text = ? WHERE dispute_id = ? AND search_text IS NULL";

  private record Unfilled(String disputeId, String searchText) {}

  private final Database db;
  private final ObjectMapper mapper;
  private volatile boolean stopping;

  public SearchTextBackfill(Database db, ObjectMapper mapper) {
    this.db = db;
    this.mapper = mapper;
  }

  /** Fills every unfilled row, or until {@link #stop}; returns how many this call filled. */
  public int run() {
    int filled = 0;
    String after = "";
    while (!stopping) {
      String from = after;
      List<Unfilled> batch =
          db.list(
              UNFILLED,
              ps -> {
                ps.setString(1, from);
                ps.setInt(2, BATCH);
              },
              rs ->
                  new Unfilled(
                      rs.getString("dispute_id"),
                      DisputeRow.searchText(
                          rs.getString("dispute_id"),
                          rs.getString("buyer_name"),
                          rs.getString("seller_txn_id"),
                          rs.getString("buyer_txn_id"),
                          invoiceNumbers(rs.getString("dispute_id"), rs.getString("raw_json")))));
      if (batch.isEmpty()) {
        return filled;
      }
      filled += fill(batch);
      // Paged by id: every row is read once, whatever other writers do meanwhile.
      after = batch.get(batch.size() - 1).disputeId();
    }
    return filled;
  }

  /** Ends a running {@link #run} after its batch: the rows left are filled at the next start. */
  public void stop() {
    stopping = true;
  }

  /** True once {@link #stop} was called. */
  public boolean stopping() {
    return stopping;
  }

  private int fill(List<Unfilled> batch) {
    return db.inTransaction(
        c -> {
          int n = 0;
          try (PreparedStatement ps = c.prepareStatement(FILL)) {
            for (Unfilled u : batch) {
              ps.setString(1, u.searchText());
              ps.setString(2, u.disputeId());
              n += ps.executeUpdate();
            }
          }
          return n;
        });
  }

  /**
   * The invoice numbers of the disputed transactions in the stored JSON; none when it cannot be
   * read (the row's own fields are still searched).
   */
  private List<String> invoiceNumbers(String disputeId, String rawJson) {
    List<String> invoices = new ArrayList<>();
    if (rawJson == null) {
      return invoices;
    }
    try {
      for (JsonNode txn : mapper.readTree(rawJson).path("disputed_transactions")) {
        JsonNode invoice = txn.path("invoice_number");
        if (invoice.isTextual()) {
          invoices.add(invoice.asText());
        }
      }
    } catch (JsonProcessingException e) {
      // The dispute's next read from PayPal replaces the JSON, and its search text with it.
      log.warn(
          "Stored dispute {} cannot be read; its invoice numbers are not searched until PayPal's"
              + " next read of it: {}",
          disputeId,
          e.getOriginalMessage());
    }
    return invoices;
  }
}

package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.DisputeActions;
import io.disputedesk.paypal.Money;
import io.disputedesk.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An {@code actions} row read as an {@link Action}, its stored kind as one of the known actions.
 */
final class ActionRows {
  /** The columns {@link #action} reads, for every SELECT and RETURNING of the ledger. */
  static final String COLUMNS =
      "id, dispute_id, kind, intent_key, request_id, requested_by,"
          + " approved_by, status, amount_value, currency, request_json, outcome, debug_id, created_at, updated_at,"
          + " started_at, lease_until, seen_json";

  private final DisputeActions known;

  ActionRows(DisputeActions known) {
    this.known = known;
  }

  /** The action in the result set's current row. */
  Action action(ResultSet rs) throws SQLException {
    String amountValue = rs.getString("amount_value");
    String currency = rs.getString("currency");
    return new Action(
        rs.getLong("id"),
        rs.getString("dispute_id"),
        kind(rs),
        rs.getString("intent_key"),
        rs.getString("request_id"),
        rs.getString("requested_by"),
        rs.getString("approved_by"),
        ActionStatus.valueOf(rs.getString("status")),
        amountValue == null || currency == null ? null : Money.of(amountValue, currency),
        rs.getString("request_json"),
        rs.getString("outcome"),
        rs.getString("debug_id"),
        Jdbc.getInstant(rs, "created_at"),
        Jdbc.getInstant(rs, "updated_at"),
        Jdbc.getInstant(rs, "started_at"),
        Jdbc.getInstant(rs, "lease_until"),
        rs.getString("seen_json"));
  }

  private DisputeAction kind(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    long id = rs.getLong("id");
    return known
        .named(kind)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "action " + id + " is of kind " + kind + ", which no action has"));
  }
}

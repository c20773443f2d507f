package io.disputedesk.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.Fixtures;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.store.Database;
import java.time.Instant;
import java.util.List;

/**
 * Stores disputes made from the PayPal samples ({@code src/test/resources/store}) with chosen id,
 * reason, status, amount, deadline and outcome, first seen at a chosen time.
 */
public final class DisputeSeeds {
  private final DisputeStore store;
  private final ShiftableClock clock;

  public DisputeSeeds(Database db, ShiftableClock clock) {
    this.store = new DisputeStore(db, Json.newMapper());
    this.clock = clock;
  }

  public Spec dispute(String id) {
    return new Spec(id);
  }

  /**
   * One dispute to store; defaults: 49.99 USD, not received, waiting for us, due in 5 days, seen
   * now.
   */
  public final class Spec {
    private final String id;
    private String reason = "MERCHANDISE_OR_SERVICE_NOT_RECEIVED";
    private String status = "WAITING_FOR_SELLER_RESPONSE";
    private String amount = "49.99";
    private String currency = "USD";
    private Instant sellerDue;
    private Instant buyerDue;
    private Instant created;
    private Instant seenAt;
    private String outcome;
    private String refunded;
    private Instant resolvedAt;
    private Instant updated;
    private String stage;
    private String channel;
    private boolean stageSet;
    private String account = "default";
    private boolean noSellerDue;
    private String listOutcome;
    private String[] buyer;
    private String[] invoices;

    private Spec(String id) {
      this.id = id;
    }

    public Spec reason(String value) {
      this.reason = value;
      return this;
    }

    public Spec status(String value) {
      this.status = value;
      return this;
    }

    public Spec amount(String value, String currencyCode) {
      this.amount = value;
      this.currency = currencyCode;
      return this;
    }

    public Spec sellerDue(Instant value) {
      this.sellerDue = value;
      return this;
    }

    /** No {@code seller_response_due_date}, as PayPal sends once it no longer waits for us. */
    public Spec withoutSellerDue() {
      this.noSellerDue = true;
      return this;
    }

    public Spec buyerDue(Instant value) {
      this.buyerDue = value;
      return this;
    }

    public Spec created(Instant value) {
      this.created = value;
      return this;
    }

    /** PayPal's update time (default: the resolution time, else the creation time). */
    public Spec updated(Instant value) {
      this.updated = value;
      return this;
    }

    /**
     * PayPal's life-cycle stage (INQUIRY, CHARGEBACK, ...) and where the dispute was filed
     * (INTERNAL, EXTERNAL); null leaves the field out of the dispute.
     */
    public Spec stage(String lifeCycleStage, String disputeChannel) {
      this.stageSet = true;
      this.stage = lifeCycleStage;
      this.channel = disputeChannel;
      return this;
    }

    /** The PayPal account it is stored under (default: {@code default}). */
    public Spec account(String name) {
      this.account = name;
      return this;
    }

    /** The buyer's name and the seller's and buyer's transaction ids (null leaves one out). */
    public Spec buyer(String name, String sellerTxnId, String buyerTxnId) {
      this.buyer = new String[] {name, sellerTxnId, buyerTxnId};
      return this;
    }

    /**
     * The invoice number of each disputed transaction: the sample's one transaction, copied for
     * each further number (null leaves that transaction's number out).
     */
    public Spec invoices(String... numbers) {
      this.invoices = numbers.clone();
      return this;
    }

    public Spec seenAt(Instant value) {
      this.seenAt = value;
      return this;
    }

    /** Resolved at {@code at} with the outcome code and (nullable) refunded amount. */
    public Spec resolved(String outcomeCode, String refundedAmount, Instant at) {
      this.status = "RESOLVED";
      this.outcome = outcomeCode;
      this.refunded = refundedAmount;
      this.resolvedAt = at;
      return this;
    }

    /**
     * Resolved at {@code at} as PayPal's dispute list shows it: {@code WON} or {@code LOST}, no
     * outcome code.
     */
    public Spec resolvedInList(String wonOrLost, Instant at) {
      this.status = "RESOLVED";
      this.listOutcome = wonOrLost;
      this.resolvedAt = at;
      return this;
    }

    /**
     * Stores it (the clock stands at {@code seenAt} meanwhile, which sets first_seen_at) and
     * returns it.
     */
    public Dispute store() {
      Instant now = clock.instant();
      Instant seen = seenAt == null ? now : seenAt;
      Instant createTime = created == null ? seen.minusSeconds(3600) : created;
      Instant due = sellerDue == null ? now.plusSeconds(5 * 86400) : sellerDue;
      Dispute d = Fixtures.dispute(Fixtures.WAITING_SELLER, json -> edit(json, createTime, due));
      clock.set(seen);
      try {
        store.upsert(account, d);
      } finally {
        clock.set(now);
      }
      return d;
    }

    private void edit(ObjectNode json, Instant createTime, Instant due) {
      json.put("dispute_id", id);
      json.put("reason", reason);
      json.put("status", status);
      json.put(
          "dispute_state",
          "RESOLVED".equals(status)
              ? "RESOLVED"
              : "WAITING_FOR_SELLER_RESPONSE".equals(status)
                  ? "REQUIRED_ACTION"
                  : "UNDER_PAYPAL_REVIEW");
      json.putObject("dispute_amount").put("currency_code", currency).put("value", amount);
      json.put("create_time", createTime.toString());
      json.put(
          "update_time",
          (updated != null ? updated : resolvedAt != null ? resolvedAt : createTime).toString());
      if (noSellerDue) {
        json.remove("seller_response_due_date");
      } else {
        json.put("seller_response_due_date", due.toString());
      }
      if (buyerDue != null) {
        json.put("buyer_response_due_date", buyerDue.toString());
      }
      if (stageSet) {
        json.remove(List.of("dispute_life_cycle_stage", "dispute_channel"));
        if (stage != null) {
          json.put("dispute_life_cycle_stage", stage);
        }
        if (channel != null) {
          json.put("dispute_channel", channel);
        }
      }
      if (buyer != null) {
        ObjectNode txn = (ObjectNode) json.path("disputed_transactions").get(0);
        txn.remove(List.of("seller_transaction_id", "buyer_transaction_id", "buyer"));
        if (buyer[0] != null) {
          txn.putObject("buyer").put("name", buyer[0]);
        }
        if (buyer[1] != null) {
          txn.put("seller_transaction_id", buyer[1]);
        }
        if (buyer[2] != null) {
          txn.put("buyer_transaction_id", buyer[2]);
        }
      }
      if (invoices != null) {
        ArrayNode txns = (ArrayNode) json.path("disputed_transactions");
        ObjectNode first = (ObjectNode) txns.get(0);
        txns.removeAll();
        for (String number : invoices) {
          ObjectNode txn = txns.addObject().setAll(first.deepCopy());
          txn.remove("invoice_number");
          if (number != null) {
            txn.put("invoice_number", number);
          }
        }
      }
      if (listOutcome != null) {
        json.remove("dispute_outcome");
        json.put("outcome", listOutcome);
      }
      if (outcome != null) {
        ObjectNode o = json.putObject("dispute_outcome").put("outcome_code", outcome);
        if (refunded != null) {
          o.putObject("amount_refunded").put("currency_code", currency).put("value", refunded);
        }
      }
    }
  }
}

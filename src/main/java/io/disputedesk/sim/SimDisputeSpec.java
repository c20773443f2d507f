package io.disputedesk.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a new simulated dispute looks like. Everything but the reason has a default: the stage from
 * the reason, status {@code WAITING_FOR_SELLER_RESPONSE}, 49.99 USD, an id and transaction ids in
 * PayPal's formats, and allowed offer, accept-claim and requested-evidence types that fit the
 * reason and stage.
 */
public final class SimDisputeSpec {
  final String id;
  final SimReason reason;
  final SimStage stage;
  final SimStatus status;
  final SimChannel channel;

  /** The merchant (payer id) whose dispute it is; null: the simulator's default merchant. */
  final String merchant;

  final BigDecimal amount;
  final String currency;
  final Instant createTime;
  final Instant updateTime;
  final Instant sellerDueDate;
  final String buyerName;
  final String buyerTransactionId;
  final String sellerTransactionId;
  final List<Item> items;
  final String buyerMessage;
  final List<String> requestedEvidence;
  final List<String> offerTypes;
  final List<String> acceptClaimTypes;
  final String invoiceNumber;
  final String externalReasonCode;
  final SimOutcome outcome;
  final BigDecimal refunded;
  final boolean appealable;
  final String offerType;
  final BigDecimal offerAmount;
  final boolean returnShipped;
  final Instant transactionTime;
  final SimAddress shipTo;
  final List<SimTracker> trackers;
  final boolean transactionSearchDenied;

  SimDisputeSpec(SimDisputeSpecBuilder b) {
    this.id = b.id;
    this.reason = b.reason;
    this.stage = b.stage;
    this.status = b.status;
    this.channel = b.channel;
    this.merchant = b.merchant;
    this.amount = b.amount;
    this.currency = b.currency;
    this.createTime = b.createTime;
    this.updateTime = b.updateTime;
    this.sellerDueDate = b.sellerDueDate;
    this.buyerName = b.buyerName;
    this.buyerTransactionId = b.buyerTransactionId;
    this.sellerTransactionId = b.sellerTransactionId;
    this.items =
        b.items.isEmpty() ? List.of(new Item("Wireless earbuds", "PRODUCT")) : List.copyOf(b.items);
    this.buyerMessage = b.buyerMessage;
    this.requestedEvidence = b.requestedEvidence;
    this.offerTypes = b.offerTypes;
    this.acceptClaimTypes = b.acceptClaimTypes;
    this.invoiceNumber = b.invoiceNumber;
    this.externalReasonCode = b.externalReasonCode;
    this.outcome = b.outcome;
    this.refunded = b.refunded;
    this.appealable = b.appealable;
    this.offerType = b.offerType;
    this.offerAmount = b.offerAmount;
    this.returnShipped = b.returnShipped;
    this.transactionTime = b.transactionTime;
    this.shipTo = b.shipTo;
    this.trackers = b.trackers == null ? null : List.copyOf(b.trackers);
    this.transactionSearchDenied = b.transactionSearchDenied;
  }

  /**
   * One disputed item: its name, PayPal item_type, quantity and unit price (null: a share of the
   * disputed amount).
   */
  record Item(String name, String type, int quantity, BigDecimal unitPrice) {
    Item(String name, String type) {
      this(name, type, 1, null);
    }
  }

  public static SimDisputeSpecBuilder builder() {
    return new SimDisputeSpecBuilder();
  }
}

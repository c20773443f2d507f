package io.disputedesk.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds a {@link SimDisputeSpec}; setters return the builder. */
public final class SimDisputeSpecBuilder {
  // Read by SimDisputeSpec's constructor; set only through the methods below.
  String id;
  SimReason reason = SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
  SimStage stage;
  SimStatus status = SimStatus.WAITING_FOR_SELLER_RESPONSE;
  SimChannel channel = SimChannel.INTERNAL;
  String merchant;
  BigDecimal amount = new BigDecimal("49.99");
  String currency = "USD";
  Instant createTime;
  Instant updateTime;
  Instant sellerDueDate;
  String buyerName = "John Doe";
  String buyerTransactionId;
  String sellerTransactionId;
  final List<SimDisputeSpec.Item> items = new ArrayList<>();
  String buyerMessage;
  List<String> requestedEvidence;
  List<String> offerTypes;
  List<String> acceptClaimTypes;
  String invoiceNumber;
  String externalReasonCode;
  SimOutcome outcome;
  BigDecimal refunded;
  boolean appealable;
  String offerType;
  BigDecimal offerAmount;
  boolean returnShipped;
  Instant transactionTime;
  SimAddress shipTo;
  List<SimTracker> trackers;
  boolean transactionSearchDenied;

  SimDisputeSpecBuilder() {}

  /**
   * A fixed id (pattern {@code ^[A-Za-z0-9-]+$}); without it one is generated, e.g. {@code
   * PP-D-12345}.
   */
  public SimDisputeSpecBuilder id(String value) {
    this.id = value;
    return this;
  }

  public SimDisputeSpecBuilder reason(SimReason value) {
    this.reason = Objects.requireNonNull(value);
    return this;
  }

  public SimDisputeSpecBuilder stage(SimStage value) {
    this.stage = value;
    return this;
  }

  public SimDisputeSpecBuilder status(SimStatus value) {
    this.status = Objects.requireNonNull(value);
    return this;
  }

  /** The merchant (payer id) whose dispute it is, for a simulator serving several accounts. */
  public SimDisputeSpecBuilder merchant(String payerId) {
    this.merchant = payerId;
    return this;
  }

  public SimDisputeSpecBuilder channel(SimChannel value) {
    this.channel = Objects.requireNonNull(value);
    return this;
  }

  public SimDisputeSpecBuilder amount(String value, String currencyCode) {
    this.amount = new BigDecimal(value);
    this.currency = Objects.requireNonNull(currencyCode);
    return this;
  }

  public SimDisputeSpecBuilder createTime(Instant value) {
    this.createTime = value;
    return this;
  }

  /** The last-change time; defaults to the creation time. */
  public SimDisputeSpecBuilder updateTime(Instant value) {
    this.updateTime = value;
    return this;
  }

  public SimDisputeSpecBuilder sellerDueDate(Instant value) {
    this.sellerDueDate = value;
    return this;
  }

  public SimDisputeSpecBuilder buyerName(String value) {
    this.buyerName = value;
    return this;
  }

  public SimDisputeSpecBuilder buyerTransactionId(String value) {
    this.buyerTransactionId = value;
    return this;
  }

  public SimDisputeSpecBuilder sellerTransactionId(String value) {
    this.sellerTransactionId = value;
    return this;
  }

  /**
   * The one disputed item; type is PayPal's item_type (PRODUCT, SERVICE, BOOKING,
   * DIGITAL_DOWNLOAD).
   */
  public SimDisputeSpecBuilder item(String name, String type) {
    this.items.clear();
    return addItem(name, type);
  }

  /** The one disputed item, a PRODUCT. */
  public SimDisputeSpecBuilder itemName(String name) {
    return item(name, "PRODUCT");
  }

  /** Adds a further item; with several, PayPal wants an item_id on each piece of evidence. */
  public SimDisputeSpecBuilder addItem(String name, String type) {
    this.items.add(
        new SimDisputeSpec.Item(Objects.requireNonNull(name), Objects.requireNonNull(type)));
    return this;
  }

  /** A further item with its quantity and unit price, as the order's cart lists it. */
  public SimDisputeSpecBuilder addItem(String name, String type, int quantity, String unitPrice) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1");
    }
    this.items.add(
        new SimDisputeSpec.Item(
            Objects.requireNonNull(name),
            Objects.requireNonNull(type),
            quantity,
            new BigDecimal(unitPrice)));
    return this;
  }

  /**
   * When the buyer paid; defaults to three days before the dispute. Reports list it 3 hours later.
   */
  public SimDisputeSpecBuilder transactionTime(Instant value) {
    this.transactionTime = value;
    return this;
  }

  /** Where the order was shipped; defaults to an address in the currency's country. */
  public SimDisputeSpecBuilder shipTo(
      String line1, String city, String state, String postalCode, String countryCode) {
    this.shipTo = new SimAddress(line1, city, state, postalCode, countryCode);
    return this;
  }

  /** A shipment PayPal holds for the payment (adds to the default-free list). */
  public SimDisputeSpecBuilder tracker(String carrier, String trackingNumber, String status) {
    if (this.trackers == null) {
      this.trackers = new ArrayList<>();
    }
    this.trackers.add(new SimTracker(carrier, trackingNumber, status, null, false));
    return this;
  }

  /**
   * PayPal holds no tracking for the payment (without this, tangible orders get a default
   * shipment).
   */
  public SimDisputeSpecBuilder noTracker() {
    this.trackers = new ArrayList<>();
    return this;
  }

  /**
   * The payment went to an account that has not granted the app the Transaction Search permission:
   * searching for it answers 403 NOT_AUTHORIZED.
   */
  public SimDisputeSpecBuilder withoutTransactionSearch() {
    this.transactionSearchDenied = true;
    return this;
  }

  /** The buyer's first message, posted when the dispute opens. */
  public SimDisputeSpecBuilder buyerMessage(String value) {
    this.buyerMessage = value;
    return this;
  }

  /** Evidence types PayPal asks the seller for; an empty list asks for none. */
  public SimDisputeSpecBuilder requestedEvidence(String... types) {
    this.requestedEvidence = List.of(types);
    return this;
  }

  public SimDisputeSpecBuilder offerTypes(String... types) {
    this.offerTypes = List.of(types);
    return this;
  }

  public SimDisputeSpecBuilder acceptClaimTypes(String... types) {
    this.acceptClaimTypes = List.of(types);
    return this;
  }

  public SimDisputeSpecBuilder invoiceNumber(String value) {
    this.invoiceNumber = value;
    return this;
  }

  public SimDisputeSpecBuilder externalReasonCode(String value) {
    this.externalReasonCode = value;
    return this;
  }

  /** Starts the dispute already resolved; {@code refunded} may be null. */
  public SimDisputeSpecBuilder resolved(
      SimOutcome value, String refundedAmount, boolean isAppealable) {
    this.status = SimStatus.RESOLVED;
    this.outcome = Objects.requireNonNull(value);
    this.refunded = refundedAmount == null ? null : new BigDecimal(refundedAmount);
    this.appealable = isAppealable;
    return this;
  }

  /**
   * Starts with a seller offer the buyer has not answered yet (status WAITING_FOR_BUYER_RESPONSE).
   */
  public SimDisputeSpecBuilder pendingOffer(String type, String amountOrNull) {
    this.status = SimStatus.WAITING_FOR_BUYER_RESPONSE;
    this.offerType = Objects.requireNonNull(type);
    this.offerAmount = amountOrNull == null ? null : new BigDecimal(amountOrNull);
    return this;
  }

  /**
   * Starts after the buyer accepted a return offer and shipped the item back (not-as-described
   * only).
   */
  public SimDisputeSpecBuilder returnShipped(String type, String amount) {
    this.offerType = Objects.requireNonNull(type);
    this.offerAmount = new BigDecimal(amount);
    this.returnShipped = true;
    this.status = SimStatus.WAITING_FOR_SELLER_RESPONSE;
    return this;
  }

  public SimDisputeSpec build() {
    if (returnShipped && reason != SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED) {
      throw new IllegalStateException(
          "a return applies only to MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED");
    }
    if (amount.signum() <= 0) {
      throw new IllegalStateException("amount must be positive");
    }
    return new SimDisputeSpec(this);
  }
}

package io.disputedesk.sim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  private SimDisputeSpec(Builder b) {
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

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SimDisputeSpec}; setters return the builder. */
  public static final class Builder {
    private String id;
    private SimReason reason = SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
    private SimStage stage;
    private SimStatus status = SimStatus.WAITING_FOR_SELLER_RESPONSE;
    private SimChannel channel = SimChannel.INTERNAL;
    private String merchant;
    private BigDecimal amount = new BigDecimal("49.99");
    private String currency = "USD";
    private Instant createTime;
    private Instant updateTime;
    private Instant sellerDueDate;
    private String buyerName = "John Doe";
    private String buyerTransactionId;
    private String sellerTransactionId;
    private final List<Item> items = new ArrayList<>();
    private String buyerMessage;
    private List<String> requestedEvidence;
    private List<String> offerTypes;
    private List<String> acceptClaimTypes;
    private String invoiceNumber;
    private String externalReasonCode;
    private SimOutcome outcome;
    private BigDecimal refunded;
    private boolean appealable;
    private String offerType;
    private BigDecimal offerAmount;
    private boolean returnShipped;
    private Instant transactionTime;
    private SimAddress shipTo;
    private List<SimTracker> trackers;
    private boolean transactionSearchDenied;

    private Builder() {}

    /**
     * A fixed id (pattern {@code ^[A-Za-z0-9-]+$}); without it one is generated, e.g. {@code
     * PP-D-12345}.
     */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder reason(SimReason value) {
      this.reason = Objects.requireNonNull(value);
      return this;
    }

    public Builder stage(SimStage value) {
      this.stage = value;
      return this;
    }

    public Builder status(SimStatus value) {
      this.status = Objects.requireNonNull(value);
      return this;
    }

    /** The merchant (payer id) whose dispute it is, for a simulator serving several accounts. */
    public Builder merchant(String payerId) {
      this.merchant = payerId;
      return this;
    }

    public Builder channel(SimChannel value) {
      this.channel = Objects.requireNonNull(value);
      return this;
    }

    public Builder amount(String value, String currencyCode) {
      this.amount = new BigDecimal(value);
      this.currency = Objects.requireNonNull(currencyCode);
      return this;
    }

    public Builder createTime(Instant value) {
      this.createTime = value;
      return this;
    }

    /** The last-change time; defaults to the creation time. */
    public Builder updateTime(Instant value) {
      this.updateTime = value;
      return this;
    }

    public Builder sellerDueDate(Instant value) {
      this.sellerDueDate = value;
      return this;
    }

    public Builder buyerName(String value) {
      this.buyerName = value;
      return this;
    }

    public Builder buyerTransactionId(String value) {
      this.buyerTransactionId = value;
      return this;
    }

    public Builder sellerTransactionId(String value) {
      this.sellerTransactionId = value;
      return this;
    }

    /**
     * The one disputed item; type is PayPal's item_type (PRODUCT, SERVICE, BOOKING,
     * DIGITAL_DOWNLOAD).
     */
    public Builder item(String name, String type) {
      this.items.clear();
      return addItem(name, type);
    }

    /** The one disputed item, a PRODUCT. */
    public Builder itemName(String name) {
      return item(name, "PRODUCT");
    }

    /** Adds a further item; with several, PayPal wants an item_id on each piece of evidence. */
    public Builder addItem(String name, String type) {
      this.items.add(new Item(Objects.requireNonNull(name), Objects.requireNonNull(type)));
      return this;
    }

    /** A further item with its quantity and unit price, as the order's cart lists it. */
    public Builder addItem(String name, String type, int quantity, String unitPrice) {
      if (quantity < 1) {
        throw new IllegalArgumentException("quantity must be at least 1");
      }
      this.items.add(
          new Item(
              Objects.requireNonNull(name),
              Objects.requireNonNull(type),
              quantity,
              new BigDecimal(unitPrice)));
      return this;
    }

    /**
     * When the buyer paid; defaults to three days before the dispute. Reports list it 3 hours
     * later.
     */
    public Builder transactionTime(Instant value) {
      this.transactionTime = value;
      return this;
    }

    /** Where the order was shipped; defaults to an address in the currency's country. */
    public Builder shipTo(
        String line1, String city, String state, String postalCode, String countryCode) {
      this.shipTo = new SimAddress(line1, city, state, postalCode, countryCode);
      return this;
    }

    /** A shipment PayPal holds for the payment (adds to the default-free list). */
    public Builder tracker(String carrier, String trackingNumber, String status) {
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
    public Builder noTracker() {
      this.trackers = new ArrayList<>();
      return this;
    }

    /**
     * The payment went to an account that has not granted the app the Transaction Search
     * permission: searching for it answers 403 NOT_AUTHORIZED.
     */
    public Builder withoutTransactionSearch() {
      this.transactionSearchDenied = true;
      return this;
    }

    /** The buyer's first message, posted when the dispute opens. */
    public Builder buyerMessage(String value) {
      this.buyerMessage = value;
      return this;
    }

    /** Evidence types PayPal asks the seller for; an empty list asks for none. */
    public Builder requestedEvidence(String... types) {
      this.requestedEvidence = List.of(types);
      return this;
    }

    public Builder offerTypes(String... types) {
      this.offerTypes = List.of(types);
      return this;
    }

    public Builder acceptClaimTypes(String... types) {
      this.acceptClaimTypes = List.of(types);
      return this;
    }

    public Builder invoiceNumber(String value) {
      this.invoiceNumber = value;
      return this;
    }

    public Builder externalReasonCode(String value) {
      this.externalReasonCode = value;
      return this;
    }

    /** Starts the dispute already resolved; {@code refunded} may be null. */
    public Builder resolved(SimOutcome value, String refundedAmount, boolean isAppealable) {
      this.status = SimStatus.RESOLVED;
      this.outcome = Objects.requireNonNull(value);
      this.refunded = refundedAmount == null ? null : new BigDecimal(refundedAmount);
      this.appealable = isAppealable;
      return this;
    }

    /**
     * Starts with a seller offer the buyer has not answered yet (status
     * WAITING_FOR_BUYER_RESPONSE).
     */
    public Builder pendingOffer(String type, String amountOrNull) {
      this.status = SimStatus.WAITING_FOR_BUYER_RESPONSE;
      this.offerType = Objects.requireNonNull(type);
      this.offerAmount = amountOrNull == null ? null : new BigDecimal(amountOrNull);
      return this;
    }

    /**
     * Starts after the buyer accepted a return offer and shipped the item back (not-as-described
     * only).
     */
    public Builder returnShipped(String type, String amount) {
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
}

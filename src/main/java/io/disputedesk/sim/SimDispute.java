package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's mutable state of one dispute. Only {@link SimDisputes} hands it out, always under
 * its lock; {@link DisputeJson} turns it into PayPal's wire format.
 */
final class SimDispute {
  static final Duration RESPONSE_WINDOW = Duration.ofDays(10);

  final String id;
  final Instant createTime;
  Instant updateTime;
  SimReason reason;
  SimStage stage;
  SimStatus status;
  final SimChannel channel;
  final String currency;
  BigDecimal amount;
  Instant sellerDue;
  Instant buyerDue;
  final String buyerName;
  final String buyerTransactionId;
  final String sellerTransactionId;
  final Instant transactionTime;
  String transactionStatus = "COMPLETED";
  final String invoiceNumber;
  final String externalReasonCode;
  final List<SimDisputeSpec.Item> items;
  List<String> offerTypes;
  final List<String> acceptClaimTypes;

  final List<ObjectNode> messages = new ArrayList<>();
  final List<ObjectNode> evidences = new ArrayList<>();
  final List<ObjectNode> supportingInfo = new ArrayList<>();
  final List<ObjectNode> offerHistory = new ArrayList<>();
  final List<ObjectNode> adjudications = new ArrayList<>();
  final List<ObjectNode> moneyMovements = new ArrayList<>();
  ObjectNode communicationDetails;

  /** The order behind the payment: cart, ship-to, shipments, Transaction Search access. */
  final SimOrder order;

  BigDecimal sellerOffered;
  String offerType;
  boolean returnShipped;
  Instant returnShippedTime;
  boolean returnAcknowledged;

  SimOutcome outcome;
  BigDecimal refunded;
  boolean appealable;

  SimDispute(
      SimDisputeSpec spec, String id, Instant createTime, String buyerTxn, String sellerTxn) {
    this.id = id;
    this.merchant = spec.merchant != null ? spec.merchant : DisputeJson.MERCHANT_ID;
    this.createTime = createTime;
    this.updateTime = createTime;
    this.reason = spec.reason;
    this.stage =
        spec.stage != null
            ? spec.stage
            : spec.reason.startsInInquiry() ? SimStage.INQUIRY : SimStage.CHARGEBACK;
    this.status = spec.status;
    this.channel = spec.channel;
    this.currency = spec.currency;
    this.amount = SimMoney.normalise(spec.amount, spec.currency);
    this.buyerName = spec.buyerName;
    this.buyerTransactionId = buyerTxn;
    this.sellerTransactionId = sellerTxn;
    this.transactionTime =
        spec.transactionTime != null
            ? SimTime.millis(spec.transactionTime)
            : createTime.minus(Duration.ofDays(3)).minusSeconds(4 * 3600 + 21);
    this.invoiceNumber = spec.invoiceNumber;
    this.externalReasonCode = spec.externalReasonCode;
    this.items = spec.items;
    this.offerTypes =
        spec.offerTypes != null ? spec.offerTypes : SimDefaults.offerTypes(reason, stage);
    this.acceptClaimTypes =
        spec.acceptClaimTypes != null
            ? spec.acceptClaimTypes
            : SimDefaults.acceptClaimTypes(reason);
    this.order = SimOrder.of(spec, id, currency, amount, transactionTime);
  }

  /** The merchant (payer id) whose dispute it is. */
  final String merchant;

  boolean isResolved() {
    return status == SimStatus.RESOLVED;
  }

  /** True while the seller's latest offer waits for the buyer's answer. */
  boolean offerPending() {
    if (offerHistory.isEmpty()) {
      return false;
    }
    ObjectNode last = offerHistory.get(offerHistory.size() - 1);
    return "SELLER".equals(last.path("actor").asText())
        && "PROPOSED".equals(last.path("event_type").asText());
  }

  /** The most the seller may refund: the disputed amount. */
  BigDecimal allowedRefund() {
    return amount;
  }

  void waitForSeller(Instant due) {
    status = SimStatus.WAITING_FOR_SELLER_RESPONSE;
    sellerDue = due;
    buyerDue = null;
  }

  void waitForBuyer(Instant due) {
    status = SimStatus.WAITING_FOR_BUYER_RESPONSE;
    buyerDue = due;
    sellerDue = null;
  }

  /** Moves an inquiry to the claim stage, where PayPal no longer offers make_offer by default. */
  void escalateToClaim() {
    stage = SimStage.CHARGEBACK;
    offerTypes = SimDefaults.offerTypes(reason, stage);
  }

  void underReview() {
    status = SimStatus.UNDER_REVIEW;
    sellerDue = null;
    buyerDue = null;
  }

  /**
   * Closes the dispute. A buyer-favour outcome refunds {@code refundedAmount}, the full amount when
   * null, or nothing when zero (a replacement instead of money).
   */
  void resolve(SimOutcome result, BigDecimal refundedAmount, boolean canAppeal, Instant now) {
    status = SimStatus.RESOLVED;
    sellerDue = null;
    buyerDue = null;
    outcome = result;
    appealable = canAppeal;
    refunded = null;
    if (result == SimOutcome.RESOLVED_BUYER_FAVOUR
        && refundedAmount != null
        && refundedAmount.signum() == 0) {
      return;
    }
    if (result == SimOutcome.RESOLVED_BUYER_FAVOUR) {
      refunded = SimMoney.normalise(refundedAmount == null ? amount : refundedAmount, currency);
      transactionStatus = refunded.compareTo(amount) >= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
      moneyMovements.add(movement("SELLER", "DEBIT", refunded, now));
      moneyMovements.add(movement("BUYER", "CREDIT", refunded, now));
    } else if (refundedAmount != null) {
      refunded = SimMoney.normalise(refundedAmount, currency);
    }
  }

  void addMessage(String postedBy, String content, List<ObjectNode> documents, Instant now) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("posted_by", postedBy);
    m.put("time_posted", SimTime.format(now));
    m.put("content", content);
    if (!documents.isEmpty()) {
      m.putArray("documents").addAll(documents);
    }
    messages.add(m);
  }

  /** Asks the seller for a type of evidence unless that request is already open. */
  void requestEvidence(String type, Instant now) {
    if (openRequests().contains(type)) {
      return;
    }
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("evidence_type", type);
    e.put("source", "REQUESTED_FROM_SELLER");
    e.put("date", SimTime.format(now));
    ObjectNode action = e.putObject("action_info");
    action.put("action", "PROVIDE_EVIDENCE");
    action.put("mandatory", true);
    e.put("dispute_life_cycle_stage", stage.name());
    evidences.add(e);
  }

  List<String> openRequests() {
    List<String> types = new ArrayList<>();
    for (ObjectNode e : evidences) {
      if ("REQUESTED_FROM_SELLER".equals(e.path("source").asText())) {
        types.add(e.path("evidence_type").asText());
      }
    }
    return types;
  }

  void clearRequest(String type) {
    evidences.removeIf(
        e ->
            "REQUESTED_FROM_SELLER".equals(e.path("source").asText())
                && type.equals(e.path("evidence_type").asText()));
  }

  void recordOffer(
      String actor, String event, String type, BigDecimal offerAmount, String notes, Instant now) {
    ObjectNode h = JsonNodeFactory.instance.objectNode();
    h.put("offer_time", SimTime.format(now));
    h.put("actor", actor);
    h.put("event_type", event);
    h.put("offer_type", type);
    if (offerAmount != null) {
      h.set("offer_amount", SimMoney.node(currency, offerAmount));
    }
    if (notes != null) {
      h.put("notes", notes);
    }
    h.put("dispute_life_cycle_stage", stage.name());
    offerHistory.add(h);
  }

  void supportingInfo(String notes, List<ObjectNode> documents, Instant now) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("notes", notes);
    if (!documents.isEmpty()) {
      s.putArray("documents").addAll(documents);
    }
    s.put("source", "SUBMITTED_BY_SELLER");
    s.put("provided_time", SimTime.format(now));
    s.put("dispute_life_cycle_stage", stage.name());
    supportingInfo.add(s);
  }

  void adjudicate(String type, String adjudicationReason, Instant now) {
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("type", type);
    a.put("adjudication_time", SimTime.format(now));
    a.put("reason", adjudicationReason);
    a.put("dispute_life_cycle_stage", stage.name());
    adjudications.add(a);
  }

  private ObjectNode movement(String party, String type, BigDecimal value, Instant now) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("affected_party", party);
    m.put("type", type);
    m.set("amount", SimMoney.node(currency, value));
    m.put("initiated_time", SimTime.format(now));
    m.put("reason", "DISPUTE_SETTLEMENT");
    return m;
  }
}

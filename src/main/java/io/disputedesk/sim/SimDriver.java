package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

/** Plays the buyer's and PayPal's side of disputes ({@link SimCreator} creates them). */
final class SimDriver {
  private final SimDisputes store;
  private final Clock clock;

  SimDriver(SimDisputes store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  void addBuyerMessage(String id, String text) {
    change(
        id,
        d -> {
          requireOpen(d);
          Instant now = now();
          d.addMessage("BUYER", text, List.of(), now);
          boolean buyersTurn =
              d.status == SimStatus.WAITING_FOR_BUYER_RESPONSE && !d.offerPending();
          if (d.stage == SimStage.INQUIRY && (d.status == SimStatus.OPEN || buyersTurn)) {
            d.waitForSeller(now.plus(SimDispute.RESPONSE_WINDOW));
          }
        });
  }

  void buyerEscalates(String id) {
    change(
        id,
        d -> {
          requireOpen(d);
          if (d.stage != SimStage.INQUIRY) {
            throw new SimulatorException(id + " is already past the inquiry stage");
          }
          Instant now = now();
          d.escalateToClaim();
          SimDefaults.requestedEvidence(d.reason, d.stage).forEach(t -> d.requestEvidence(t, now));
          d.waitForSeller(now.plus(SimDispute.RESPONSE_WINDOW));
        });
  }

  void setStatus(String id, SimStatus status) {
    if (status == SimStatus.RESOLVED) {
      throw new IllegalArgumentException("use resolve() to close a dispute with an outcome");
    }
    change(
        id,
        d -> {
          Instant due = now().plus(SimDispute.RESPONSE_WINDOW);
          switch (status) {
            case WAITING_FOR_SELLER_RESPONSE ->
                d.waitForSeller(d.sellerDue != null ? d.sellerDue : due);
            case WAITING_FOR_BUYER_RESPONSE ->
                d.waitForBuyer(d.buyerDue != null ? d.buyerDue : due);
            case UNDER_REVIEW -> d.underReview();
            default -> {
              d.status = status;
              d.sellerDue = null;
              d.buyerDue = null;
            }
          }
          d.outcome = null;
          d.refunded = null;
          d.appealable = false;
        });
  }

  void changeDisputedAmount(String id, BigDecimal amount) {
    change(
        id,
        d -> {
          requireOpen(d);
          if (amount == null || amount.signum() <= 0) {
            throw new SimulatorException("a disputed amount must be positive");
          }
          d.amount = SimMoney.normalise(amount, d.currency);
        });
  }

  void setSellerDueDate(String id, Instant due) {
    change(id, d -> d.sellerDue = due == null ? null : SimTime.millis(due));
  }

  void requestEvidenceFromSeller(String id, String type) {
    if (!EvidenceCodes.TYPES.contains(type)) {
      throw new IllegalArgumentException("not a PayPal evidence_type: " + type);
    }
    change(
        id,
        d -> {
          requireOpen(d);
          Instant now = now();
          d.requestEvidence(type, now);
          if (d.status != SimStatus.WAITING_FOR_SELLER_RESPONSE) {
            d.waitForSeller(now.plus(SimDispute.RESPONSE_WINDOW));
          }
        });
  }

  void buyerAcceptsOffer(String id) {
    change(
        id,
        d -> {
          requirePendingOffer(d);
          Instant now = now();
          d.recordOffer("BUYER", "ACCEPTED", d.offerType, d.sellerOffered, null, now);
          switch (d.offerType) {
            case "REFUND_WITH_RETURN" -> d.waitForBuyer(now.plus(SimDispute.RESPONSE_WINDOW));
            case "REPLACEMENT_WITHOUT_REFUND" ->
                d.resolve(SimOutcome.RESOLVED_BUYER_FAVOUR, BigDecimal.ZERO, false, now);
            default -> d.resolve(SimOutcome.RESOLVED_BUYER_FAVOUR, d.sellerOffered, false, now);
          }
        });
  }

  void buyerDeniesOffer(String id) {
    change(
        id,
        d -> {
          requirePendingOffer(d);
          Instant now = now();
          d.recordOffer(
              "BUYER", "DENIED", d.offerType, d.sellerOffered, "The offer is too low.", now);
          d.waitForSeller(now.plus(SimDispute.RESPONSE_WINDOW));
        });
  }

  void buyerShipsReturn(String id) {
    change(
        id,
        d -> {
          requireOpen(d);
          if (!d.reason.isNotAsDescribed()) {
            throw new SimulatorException(
                id + " is not a not-as-described dispute; nothing is returned");
          }
          shipReturn(d, now());
        });
  }

  void resolve(String id, SimOutcome outcome, BigDecimal refunded, boolean appealable) {
    change(
        id,
        d -> {
          Instant now = now();
          adjudication(d, outcome, now);
          d.resolve(outcome, refunded, appealable, now);
        });
  }

  /**
   * PayPal records a decision when it closes a claim; a cancelled case or a settled inquiry has
   * none.
   */
  static void adjudication(SimDispute d, SimOutcome outcome, Instant when) {
    if (!d.stage.isClaim()) {
      return;
    }
    if (outcome == SimOutcome.RESOLVED_BUYER_FAVOUR) {
      d.adjudicate("PAYOUT_TO_BUYER", "DECISION_BASED_ON_AVAILABLE_INFORMATION", when);
    } else if (outcome == SimOutcome.RESOLVED_SELLER_FAVOUR) {
      d.adjudicate("DENY_BUYER", "VALID_PROOF_SUPPORTING_CLAIM", when);
    }
  }

  /** The buyer ships the item back: return evidence, a tracker, and the seller's turn. */
  static void shipReturn(SimDispute d, Instant when) {
    d.returnShipped = true;
    d.returnShippedTime = when;
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("evidence_type", "RETURN_TRACKING_INFORMATION");
    e.put("source", "SUBMITTED_BY_BUYER");
    e.put("date", SimTime.format(when));
    ObjectNode tracking = e.putObject("evidence_info").putArray("tracking_info").addObject();
    String number = "JJD00" + Math.abs(d.id.hashCode() % 100_000_000L);
    tracking.put("carrier_name", "DHL");
    tracking.put("tracking_number", number);
    // PayPal's tracking for the payment shows the buyer's parcel on its way back.
    d.order.trackers.add(
        new SimTracker(
            "DHL", number, "IN_TRANSIT", when.atZone(ZoneOffset.UTC).toLocalDate(), true));
    e.put("dispute_life_cycle_stage", d.stage.name());
    d.evidences.add(e);
    d.waitForSeller(when.plus(SimDispute.RESPONSE_WINDOW));
  }

  private void change(String id, Consumer<SimDispute> fn) {
    if (!store.update(id, fn)) {
      throw new SimulatorException("no dispute " + id);
    }
  }

  private Instant now() {
    return SimTime.millis(clock.instant());
  }

  private static void requireOpen(SimDispute d) {
    if (d.isResolved()) {
      throw new SimulatorException(d.id + " is already resolved");
    }
  }

  private static void requirePendingOffer(SimDispute d) {
    if (!d.offerPending()) {
      throw new SimulatorException(d.id + " has no seller offer waiting for the buyer");
    }
  }
}

package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** Creates disputes from specs, already in the state the spec describes. */
final class SimCreator {
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9-]{1,255}$");

  private final SimDisputes store;
  private final Clock clock;
  private final SimIds ids;

  SimCreator(SimDisputes store, Clock clock, SimIds ids) {
    this.store = store;
    this.clock = clock;
    this.ids = ids;
  }

  String create(SimDisputeSpec spec) {
    Instant now = SimTime.millis(clock.instant());
    Instant created = spec.createTime != null ? SimTime.millis(spec.createTime) : now;
    String id = spec.id != null ? checkedId(spec.id) : freshId();
    SimDispute d =
        new SimDispute(
            spec,
            id,
            created,
            spec.buyerTransactionId != null ? spec.buyerTransactionId : ids.transactionId(),
            spec.sellerTransactionId != null ? spec.sellerTransactionId : ids.transactionId());
    Instant opened = created.plusMillis(8_000);
    if (spec.buyerMessage != null) {
      d.addMessage("BUYER", spec.buyerMessage, List.of(), opened);
      ObjectNode e = JsonNodeFactory.instance.objectNode();
      e.put("evidence_type", "CREATE");
      e.put("notes", spec.buyerMessage);
      e.put("source", "SUBMITTED_BY_BUYER");
      e.put("date", SimTime.format(opened));
      e.put("dispute_life_cycle_stage", d.stage.name());
      d.evidences.add(e);
    }
    if (spec.offerType != null) {
      d.sellerOffered =
          spec.offerAmount == null ? null : SimMoney.normalise(spec.offerAmount, d.currency);
      d.offerType = spec.offerType;
      d.recordOffer(
          "SELLER",
          "PROPOSED",
          spec.offerType,
          d.sellerOffered,
          "Offer to settle.",
          created.plusSeconds(3600));
    }
    Instant window =
        created.plus(d.stage.isClaim() ? SimDispute.RESPONSE_WINDOW : Duration.ofDays(20));
    switch (d.status) {
      case WAITING_FOR_SELLER_RESPONSE -> {
        d.sellerDue = spec.sellerDueDate != null ? SimTime.millis(spec.sellerDueDate) : window;
        List<String> requested =
            spec.requestedEvidence != null
                ? spec.requestedEvidence
                : SimDefaults.requestedEvidence(d.reason, d.stage);
        requested.forEach(t -> d.requestEvidence(t, created.plusSeconds(180)));
      }
      case WAITING_FOR_BUYER_RESPONSE -> d.buyerDue = created.plus(SimDispute.RESPONSE_WINDOW);
      case RESOLVED -> {
        Instant closed = spec.updateTime != null ? SimTime.millis(spec.updateTime) : created;
        SimOutcome outcome =
            spec.outcome == null ? SimOutcome.RESOLVED_SELLER_FAVOUR : spec.outcome;
        SimDriver.adjudication(d, outcome, closed);
        d.resolve(outcome, spec.refunded, spec.appealable, closed);
      }
      default -> {}
    }
    if (spec.returnShipped) {
      d.recordOffer(
          "BUYER", "ACCEPTED", d.offerType, d.sellerOffered, null, created.plusSeconds(7200));
      SimDriver.shipReturn(d, created.plusSeconds(86_400));
    }
    if (spec.updateTime != null && spec.updateTime.isAfter(created)) {
      d.updateTime = SimTime.millis(spec.updateTime);
    }
    store.add(d);
    return id;
  }

  private String freshId() {
    String id;
    do {
      id = ids.disputeId();
    } while (store.contains(id));
    return id;
  }

  private static String checkedId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a dispute id must match ^[A-Za-z0-9-]+$: " + id);
    }
    return id;
  }
}

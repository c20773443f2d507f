package io.disputedesk.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/** Makes one plausible change per {@link #tick()}, so a demo's disputes keep moving. */
public final class SimEvolver {
  /** What a tick did: the webhook event type that fits it, the dispute, and a line for a log. */
  public record Change(String eventType, String disputeId, String description) {}

  private static final List<String> EVIDENCE =
      List.of(
          "PROOF_OF_FULFILLMENT",
          "PROOF_OF_DELIVERY_SIGNATURE",
          "ITEM_DESCRIPTION",
          "PROOF_OF_REFUND",
          "OTHER");

  private final PayPalSimulator sim;
  private final Clock clock;
  private final Random random;

  /** The merchants new disputes are opened against (the default merchant alone unless told). */
  private final List<String> merchants;

  public SimEvolver(PayPalSimulator sim, Clock clock, Random random) {
    this(sim, clock, random, List.of(PayPalSimulator.DEFAULT_MERCHANT));
  }

  /** Opens new disputes against any of {@code merchants} (several PayPal accounts). */
  public SimEvolver(PayPalSimulator sim, Clock clock, Random random, List<String> merchants) {
    this.sim = sim;
    this.clock = clock;
    this.random = random;
    this.merchants = List.copyOf(merchants);
  }

  /** Opens a dispute, posts a buyer message, escalates, resolves, or asks for evidence. */
  public Change tick() {
    int roll = random.nextInt(100);
    if (roll < 25) {
      return create();
    }
    if (roll < 50) {
      return pick(d -> !d.isResolved())
          .map(
              id -> {
                sim.addBuyerMessage(
                    id,
                    sim.disputes()
                        .read(
                            id,
                            d -> SimCatalogue.followUpFor(d.reason, d.items.get(0).name(), random))
                        .orElseThrow());
                return new Change("CUSTOMER.DISPUTE.UPDATED", id, "buyer wrote on " + id);
              })
          .orElseGet(this::create);
    }
    if (roll < 65) {
      return pick(d -> !d.isResolved() && d.stage == SimStage.INQUIRY)
          .map(
              id -> {
                sim.buyerEscalates(id);
                return new Change(
                    "CUSTOMER.DISPUTE.UPDATED", id, "buyer escalated " + id + " to a claim");
              })
          .orElseGet(this::create);
    }
    if (roll < 85) {
      return pick(d -> !d.isResolved())
          .map(
              id -> {
                SimOutcome outcome =
                    random.nextInt(10) < 5
                        ? SimOutcome.RESOLVED_SELLER_FAVOUR
                        : random.nextInt(10) < 8
                            ? SimOutcome.RESOLVED_BUYER_FAVOUR
                            : SimOutcome.CANCELED_BY_BUYER;
                sim.resolve(id, outcome, (BigDecimal) null);
                return new Change("CUSTOMER.DISPUTE.RESOLVED", id, id + " resolved: " + outcome);
              })
          .orElseGet(this::create);
    }
    return pick(d ->
            d.stage.isClaim()
                && (d.status == SimStatus.UNDER_REVIEW
                    || d.status == SimStatus.WAITING_FOR_SELLER_RESPONSE))
        .map(
            id -> {
              String type = SimCatalogue.pick(EVIDENCE, random);
              sim.requestEvidenceFromSeller(id, type);
              return new Change(
                  "CUSTOMER.DISPUTE.UPDATED", id, "PayPal asked for " + type + " on " + id);
            })
        .orElseGet(this::create);
  }

  private Optional<String> pick(Predicate<SimDispute> filter) {
    List<String> ids = sim.disputes().idsWhere(filter);
    return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(random.nextInt(ids.size())));
  }

  private Change create() {
    SimReason reason =
        switch (random.nextInt(6)) {
          case 0, 1, 2 -> SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
          case 3, 4 -> SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED;
          default -> SimReason.UNAUTHORISED;
        };
    String currency = SimCatalogue.pick(SimCatalogue.CURRENCIES, random);
    SimDisputeSpec.Item item = SimCatalogue.itemFor(reason, random);
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .merchant(
                    merchants.size() == 1
                        ? merchants.get(0)
                        : merchants.get(random.nextInt(merchants.size())))
                .reason(reason)
                .status(
                    random.nextInt(4) == 0 ? SimStatus.OPEN : SimStatus.WAITING_FOR_SELLER_RESPONSE)
                .amount(SimCatalogue.amount(currency, random), currency)
                .createTime(clock.instant())
                .sellerDueDate(clock.instant().plus(Duration.ofDays(3 + random.nextInt(15))))
                .buyerName(SimCatalogue.pick(SimCatalogue.BUYERS, random))
                .item(item.name(), item.type())
                .buyerMessage(SimCatalogue.messageFor(reason, item.name(), random))
                .build());
    return new Change("CUSTOMER.DISPUTE.CREATED", id, "new " + reason + " dispute " + id);
  }
}

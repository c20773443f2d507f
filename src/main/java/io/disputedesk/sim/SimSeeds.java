package io.disputedesk.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a simulator with believable disputes: a varied demo set, or a large history for backfills.
 */
public final class SimSeeds {
  private SimSeeds() {}

  /**
   * About 25 disputes covering every common reason, the INQUIRY, CHARGEBACK and PRE_ARBITRATION
   * stages, five currencies, deadlines from overdue to three weeks away, both kinds of resolution,
   * offers waiting for the buyer, a return to acknowledge, and one message full of Slack markup to
   * test escaping. Their orders vary too: parcels in transit and delivered, two without any
   * tracking (one a claim waiting for evidence: the draft → submit flow), a cart of several items,
   * and one payment the app may not search (Transaction Search answers 403). Returns the ids in
   * creation order.
   */
  public static List<String> realistic(PayPalSimulator sim, Clock clock, Random random) {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    Seed s = new Seed(sim, now, random, ids);
    SimReason inr = SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
    SimReason snad = SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED;
    s.add(
        s.spec(inr, SimStage.INQUIRY, "USD", "23.00", 3)
            .sellerDueDate(now.plus(Duration.ofDays(5))));
    s.add(
        s.spec(inr, SimStage.INQUIRY, "EUR", "64.50", 21)
            .sellerDueDate(now.minus(Duration.ofHours(20)))
            .tracker("DHL", "00340434161094042557", "DELIVERED"));
    s.add(
        s.spec(inr, SimStage.INQUIRY, "USD", "3.00", 0, "USB-C cable (2 m)")
            .status(SimStatus.OPEN)
            .buyerMessage("Where is my order? The cable was due last week.")
            .noTracker());
    s.add(
        s.spec(snad, SimStage.INQUIRY, "GBP", "129.99", 2, "Merino wool sweater")
            .addItem("Wool care kit", "PRODUCT", 2, "7.50")
            .buyerMessage("The sweater arrived with a hole in the sleeve.")
            .sellerDueDate(now.plus(Duration.ofHours(12))));
    s.add(
        s.spec(snad, SimStage.INQUIRY, "USD", "100.00", 6, "Running shoes (size 42)")
            .buyerMessage("The shoes came in the wrong colour and size.")
            .pendingOffer("REFUND_WITH_RETURN", "100.00"));
    s.add(
        s.spec(snad, SimStage.INQUIRY, "EUR", "64.50", 14, "Ceramic mug set")
            .buyerMessage("Half of the mug set arrived broken.")
            .returnShipped("REFUND_WITH_RETURN", "64.50"));
    s.add(
        s.spec(snad, SimStage.INQUIRY, "USD", "249.00", 1, "Vintage camera lens")
            .buyerMessage(
                "Item is *nothing* like the photos <!channel> & see <https://example.com/photo.jpg|my photo>"
                    + " — I want a refund <@U024BE7LH> `now` ~really~ > 100% & <tag>")
            .sellerDueDate(now.plus(Duration.ofDays(3))));
    s.add(
        s.spec(SimReason.UNAUTHORISED, SimStage.CHARGEBACK, "USD", "192.00", 4)
            .invoiceNumber("INV-2026-0017")
            .sellerDueDate(now.plus(Duration.ofDays(2)))
            .withoutTransactionSearch());
    s.add(
        s.spec(SimReason.UNAUTHORISED, SimStage.CHARGEBACK, "USD", "149.99", 9)
            .status(SimStatus.UNDER_REVIEW));
    s.add(
        s.spec(SimReason.CREDIT_NOT_PROCESSED, SimStage.CHARGEBACK, "USD", "95.00", 5)
            .channel(SimChannel.EXTERNAL)
            .externalReasonCode("13.6")
            .sellerDueDate(now.plus(Duration.ofDays(9))));
    s.add(
        s.spec(SimReason.DUPLICATE_TRANSACTION, SimStage.CHARGEBACK, "AUD", "58.40", 1)
            .sellerDueDate(now.plus(Duration.ofDays(21))));
    s.add(
        s.spec(SimReason.INCORRECT_AMOUNT, SimStage.CHARGEBACK, "JPY", "12800", 12)
            .status(SimStatus.UNDER_REVIEW));
    s.add(
        s.spec(SimReason.PAYMENT_BY_OTHER_MEANS, SimStage.CHARGEBACK, "GBP", "45.00", 16)
            .sellerDueDate(now.minus(Duration.ofDays(3))));
    s.add(
        s.spec(SimReason.CANCELED_RECURRING_BILLING, SimStage.CHARGEBACK, "USD", "14.99", 3)
            .sellerDueDate(now.plus(Duration.ofDays(7))));
    s.add(
        s.spec(inr, SimStage.PRE_ARBITRATION, "USD", "2400.00", 30, "Espresso machine")
            .sellerDueDate(now.plus(Duration.ofDays(4)))
            .tracker("UPS", "1Z999AA10123456784", "DELIVERED"));
    s.add(
        s.spec(snad, SimStage.PRE_ARBITRATION, "EUR", "880.00", 35, "Mechanical keyboard")
            .status(SimStatus.UNDER_REVIEW));
    s.add(
        s.spec(inr, SimStage.CHARGEBACK, "JPY", "3500", 8)
            .sellerDueDate(now.plus(Duration.ofDays(6))));
    s.add(
        s.spec(SimReason.UNAUTHORISED, SimStage.CHARGEBACK, "USD", "74.20", 2)
            .channel(SimChannel.ALERT)
            .sellerDueDate(now.plus(Duration.ofDays(8))));
    s.add(
        s.spec(SimReason.OTHER, SimStage.CHARGEBACK, "USD", "9.99", 1)
            .sellerDueDate(now.plus(Duration.ofDays(14))));
    s.add(
        s.spec(inr, SimStage.INQUIRY, "USD", "18.50", 4)
            .status(SimStatus.WAITING_FOR_BUYER_RESPONSE));
    s.add(
        s.spec(snad, SimStage.INQUIRY, "AUD", "310.00", 7, "Noise-cancelling headphones")
            .sellerDueDate(now.plus(Duration.ofHours(30))));
    s.add(
        s.spec(inr, SimStage.CHARGEBACK, "USD", "59.00", 40)
            .resolved(SimOutcome.RESOLVED_SELLER_FAVOUR, null, false)
            .updateTime(now.minus(Duration.ofDays(2))));
    s.add(
        s.spec(snad, SimStage.CHARGEBACK, "USD", "96.00", 38)
            .resolved(SimOutcome.RESOLVED_BUYER_FAVOUR, "96.00", false)
            .updateTime(now.minus(Duration.ofDays(5))));
    s.add(
        s.spec(SimReason.UNAUTHORISED, SimStage.CHARGEBACK, "USD", "59.00", 27)
            .resolved(SimOutcome.RESOLVED_BUYER_FAVOUR, "59.00", true)
            .updateTime(now.minus(Duration.ofDays(1))));
    s.add(
        s.spec(inr, SimStage.INQUIRY, "AUD", "32.00", 20)
            .resolved(SimOutcome.CANCELED_BY_BUYER, null, false)
            .updateTime(now.minus(Duration.ofDays(9))));
    s.add(
        s.spec(snad, SimStage.INQUIRY, "GBP", "75.00", 25)
            .resolved(SimOutcome.RESOLVED_BUYER_FAVOUR, "30.00", false)
            .updateTime(now.minus(Duration.ofDays(12))));
    // Shipped, but PayPal holds no tracking: the demo's draft → submit flow, adding the tracking to
    // PayPal too.
    s.add(
        s.spec(inr, SimStage.CHARGEBACK, "USD", "79.00", 6, "Bluetooth speaker")
            .noTracker()
            .requestedEvidence("PROOF_OF_FULFILLMENT")
            .sellerDueDate(now.plus(Duration.ofDays(6))));
    return ids;
  }

  /**
   * A second brand's handful of open disputes, all belonging to {@code merchant}: an inquiry due
   * soon, a claim, a large pre-arbitration case and one waiting for the buyer. Returns the ids.
   */
  public static List<String> secondBrand(
      PayPalSimulator sim, String merchant, Clock clock, Random random) {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    Seed s = new Seed(sim, now, random, ids);
    SimReason inr = SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED;
    s.add(
        s.spec(inr, SimStage.INQUIRY, "EUR", "42.00", 2)
            .merchant(merchant)
            .sellerDueDate(now.plus(Duration.ofHours(20))));
    s.add(
        s.spec(
                SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED,
                SimStage.INQUIRY,
                "EUR",
                "219.00",
                4)
            .merchant(merchant)
            .sellerDueDate(now.plus(Duration.ofDays(4))));
    s.add(
        s.spec(SimReason.UNAUTHORISED, SimStage.CHARGEBACK, "USD", "89.90", 3)
            .merchant(merchant)
            .sellerDueDate(now.plus(Duration.ofDays(2))));
    s.add(
        s.spec(inr, SimStage.PRE_ARBITRATION, "USD", "1250.00", 28)
            .merchant(merchant)
            .sellerDueDate(now.plus(Duration.ofDays(5))));
    s.add(
        s.spec(inr, SimStage.INQUIRY, "GBP", "31.00", 5)
            .merchant(merchant)
            .status(SimStatus.WAITING_FOR_BUYER_RESPONSE));
    return ids;
  }

  /**
   * {@code n} disputes created over the last 170 days: about 85% resolved (either way, a few
   * cancelled) and 15% still waiting for the seller with due dates from overdue to two weeks out.
   */
  public static List<String> historic(PayPalSimulator sim, int n, Clock clock, Random random) {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>(n);
    SimReason[] reasons = SimReason.values();
    for (int i = 0; i < n; i++) {
      Instant created = now.minusSeconds(60 + (long) (random.nextDouble() * 170 * 86_400));
      SimReason reason =
          random.nextInt(10) < 7
              ? (random.nextBoolean()
                  ? SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED
                  : SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
              : reasons[random.nextInt(reasons.length)];
      String currency = SimCatalogue.pick(SimCatalogue.CURRENCIES, random);
      SimDisputeSpec.Item item = SimCatalogue.itemFor(reason, random);
      SimDisputeSpecBuilder b =
          SimDisputeSpec.builder()
              .reason(reason)
              .stage(
                  reason.startsInInquiry() && random.nextInt(3) > 0
                      ? SimStage.INQUIRY
                      : SimStage.CHARGEBACK)
              .amount(SimCatalogue.amount(currency, random), currency)
              .createTime(created)
              .buyerName(SimCatalogue.pick(SimCatalogue.BUYERS, random))
              .item(item.name(), item.type())
              .buyerMessage(SimCatalogue.messageFor(reason, item.name(), random));
      long age = Duration.between(created, now).toSeconds();
      Instant updated =
          created.plusSeconds((long) (random.nextDouble() * Math.min(age, 30L * 86_400)));
      if (random.nextInt(100) < 15) {
        b.updateTime(updated)
            .sellerDueDate(now.plus(Duration.ofHours(random.nextInt(14 * 24) - 24)));
      } else {
        int roll = random.nextInt(20);
        SimOutcome outcome =
            roll < 9
                ? SimOutcome.RESOLVED_SELLER_FAVOUR
                : roll < 18 ? SimOutcome.RESOLVED_BUYER_FAVOUR : SimOutcome.CANCELED_BY_BUYER;
        b.resolved(outcome, null, false).updateTime(updated);
      }
      ids.add(sim.createDispute(b.build()));
    }
    return ids;
  }

  /** Builds the realistic set: created a few days back with a random buyer and item. */
  private static final class Seed {
    private final PayPalSimulator sim;
    private final Instant now;
    private final Random random;
    private final List<String> ids;

    Seed(PayPalSimulator sim, Instant now, Random random, List<String> ids) {
      this.sim = sim;
      this.now = now;
      this.random = random;
      this.ids = ids;
    }

    /** A dispute about an item that fits the reason, with a buyer message about that item. */
    SimDisputeSpecBuilder spec(
        SimReason reason, SimStage stage, String currency, String amount, int daysAgo) {
      return spec(reason, stage, currency, amount, daysAgo, SimCatalogue.itemFor(reason, random));
    }

    /** A dispute about the named product. */
    SimDisputeSpecBuilder spec(
        SimReason reason,
        SimStage stage,
        String currency,
        String amount,
        int daysAgo,
        String product) {
      return spec(
          reason, stage, currency, amount, daysAgo, new SimDisputeSpec.Item(product, "PRODUCT"));
    }

    private SimDisputeSpecBuilder spec(
        SimReason reason,
        SimStage stage,
        String currency,
        String amount,
        int daysAgo,
        SimDisputeSpec.Item item) {
      Instant created =
          now.minus(Duration.ofDays(daysAgo)).minusSeconds(600 + random.nextInt(20_000));
      return SimDisputeSpec.builder()
          .reason(reason)
          .stage(stage)
          .amount(amount, currency)
          .createTime(created)
          .buyerName(SimCatalogue.pick(SimCatalogue.BUYERS, random))
          .item(item.name(), item.type())
          .buyerMessage(SimCatalogue.messageFor(reason, item.name(), random));
    }

    void add(SimDisputeSpecBuilder builder) {
      ids.add(sim.createDispute(builder.build()));
    }
  }
}

package io.disputedesk.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.order.OrderFacts.Gap;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.paypal.TrackingStatus;
import io.disputedesk.paypal.TransactionSearch;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order facts as the lookup reads them from the simulator, over the real wire. */
class OrderLookupTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
  private final PayPalClient paypal =
      new PayPalClient(
          http,
          Json.newMapper(),
          new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
          clock,
          d -> {},
          PayPalCallObserver.none());
  private final OrderLookup lookup =
      new OrderLookup(new TransactionSearch(paypal, clock), new ShipmentTracking(paypal));

  @AfterEach
  void stop() {
    sim.close();
    http.dispatcher().executorService().shutdown();
  }

  @Test
  void itemsShipToAndTrackingComeFromPayPalAndTheAddressStaysApart() {
    Dispute d =
        dispute(
            SimDisputeSpec.builder()
                .amount("64.50", "EUR")
                .itemName("Merino wool sweater")
                .addItem("Wool care kit", "PRODUCT", 2, "7.50")
                .buyerName("Lukas Schneider")
                .shipTo("Torstrasse 12", "Berlin", null, "10119", "DE")
                .tracker("DHL", "00340434161094042557", "DELIVERED"));

    OrderLookup.Result result = lookup.fetch(d, NOW);

    OrderFacts facts = result.facts();
    assertThat(facts.orderGap()).isNull();
    assertThat(facts.trackingGap()).isNull();
    assertThat(facts.fetchedAt()).isEqualTo(NOW);
    assertThat(facts.transactionId())
        .isEqualTo(d.firstTransaction().orElseThrow().sellerTransactionId());
    assertThat(facts.order().items())
        .containsExactly(
            new OrderFacts.OrderItem(
                "Merino wool sweater", "1", Money.of("49.50", "EUR"), Money.of("49.50", "EUR")),
            new OrderFacts.OrderItem(
                "Wool care kit", "2", Money.of("7.50", "EUR"), Money.of("15.00", "EUR")));
    assertThat(facts.order().total()).isEqualTo(Money.of("64.50", "EUR"));
    assertThat(facts.order().shipTo()).isEqualTo(new OrderFacts.ShipTo("Berlin", "DE"));
    assertThat(facts.shipments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.carrier()).isEqualTo("DHL");
              assertThat(s.trackingNumber()).isEqualTo("00340434161094042557");
              assertThat(s.status()).isEqualTo(TrackingStatus.DELIVERED);
              assertThat(s.shippedOn()).isNotNull();
              assertThat(s.isReturn()).isFalse();
            });
    assertThat(facts.delivered()).isTrue();
    assertThat(result.address())
        .contains(
            new ShippingAddress(
                "Lukas Schneider", "Torstrasse 12", null, "Berlin", null, "10119", "DE"));
  }

  @Test
  void aPaymentTheAppMayNotSearchIsUnavailableButItsTrackingIsStillRead() {
    Dispute d =
        dispute(
            SimDisputeSpec.builder()
                .withoutTransactionSearch()
                .tracker("UPS", "1Z999AA1", "SHIPPED"));

    OrderFacts facts = lookup.fetch(d, NOW).facts();

    assertThat(facts.order()).isNull();
    assertThat(facts.orderGap()).isEqualTo(Gap.NO_PERMISSION);
    assertThat(facts.shipments())
        .extracting(OrderFacts.Shipment::trackingNumber)
        .containsExactly("1Z999AA1");
  }

  @Test
  void withoutTheFeaturesBothHalvesSayWhy() {
    Dispute d = dispute(SimDisputeSpec.builder());
    sim.orders().transactionSearch(false);
    sim.orders().shipmentTracking(false);

    OrderFacts facts = lookup.fetch(d, NOW).facts();

    assertThat(facts.orderGap()).isEqualTo(Gap.NO_PERMISSION);
    assertThat(facts.trackingGap()).isEqualTo(Gap.NO_PERMISSION);
    assertThat(facts.shipments()).isEmpty();
  }

  @Test
  void aPaymentReportsDoNotListYetIsNotListedAndNoTrackerIsNoTracker() {
    Dispute d =
        dispute(
            SimDisputeSpec.builder()
                .createTime(NOW.minus(Duration.ofHours(1)))
                .transactionTime(NOW.minus(Duration.ofHours(2)))
                .noTracker());

    OrderFacts before = lookup.fetch(d, NOW).facts();
    clock.advance(Duration.ofHours(1).plusMinutes(1));
    OrderFacts after = lookup.fetch(d, clock.instant()).facts();

    assertThat(before.orderGap()).isEqualTo(Gap.NOT_LISTED);
    assertThat(before.trackingGap()).isNull();
    assertThat(before.shipments()).isEmpty();
    assertThat(after.orderGap()).isNull();
    assertThat(after.order().items()).isNotEmpty();
  }

  @Test
  void payPalNotAnsweringIsUnavailableNotAnError() {
    Dispute d = dispute(SimDisputeSpec.builder());
    sim.failNext("transactions-search", 503, 10);
    sim.failNext("trackers-list", 500, 10);

    OrderFacts facts = lookup.fetch(d, NOW).facts();

    assertThat(facts.orderGap()).isEqualTo(Gap.PAYPAL_UNAVAILABLE);
    assertThat(facts.trackingGap()).isEqualTo(Gap.PAYPAL_UNAVAILABLE);
  }

  @Test
  void theBuyersReturnIsToldApartFromTheDelivery() {
    Dispute d =
        dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .tracker("USPS", "9400111899223817000001", "DELIVERED")
                .returnShipped("REFUND_WITH_RETURN", "49.99"));

    OrderFacts facts = lookup.fetch(d, NOW).facts();

    assertThat(facts.outbound())
        .extracting(OrderFacts.Shipment::trackingNumber)
        .containsExactly("9400111899223817000001");
    assertThat(facts.returns())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.carrier()).isEqualTo("DHL");
              assertThat(s.trackingNumber()).startsWith("JJD00");
              assertThat(s.isReturn()).isTrue();
            });
  }

  @Test
  void aDisputeWithoutASearchableTransactionAsksPayPalNothing() throws Exception {
    Dispute d = dispute(SimDisputeSpec.builder());
    String txn = d.firstTransaction().orElseThrow().sellerTransactionId();
    Dispute noTransaction =
        Json.newMapper()
            .readValue(
                sim.get(d.disputeId())
                    .toString()
                    .replace(txn, "NOT-A-TXN")
                    .replace(d.firstTransaction().orElseThrow().buyerTransactionId(), "X"),
                Dispute.class);
    int calls = sim.requests().size();

    OrderFacts none = lookup.fetch(noTransaction, NOW).facts();

    assertThat(none.orderGap()).isEqualTo(Gap.NO_TRANSACTION);
    assertThat(none.trackingGap()).isEqualTo(Gap.NO_TRANSACTION);
    assertThat(sim.requests()).hasSize(calls);
  }

  private Dispute dispute(SimDisputeSpecBuilder spec) {
    String id = sim.createDispute(spec.build());
    return paypal.getDispute(id);
  }
}

package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.testing.ShiftableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedsAndEvolverTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void buyersWriteAnItemInLowerCaseButKeepAnAcronymAsItIs() {
    // "I returned the uSB-C cable" was on a demo card.
    assertThat(
            SimCatalogue.messageFor(SimReason.CREDIT_NOT_PROCESSED, "USB-C cable", new Random(1)))
        .isEqualTo("I returned the USB-C cable but never got my refund.");
    assertThat(SimCatalogue.messageFor(SimReason.CREDIT_NOT_PROCESSED, "Desk lamp", new Random(1)))
        .isEqualTo("I returned the desk lamp but never got my refund.");
  }

  @Test
  void realisticSeedCoversReasonsStagesCurrenciesAndOutcomes() throws Exception {
    List<String> ids = SimSeeds.realistic(sim, clock, new Random(1));

    List<JsonNode> disputes = new ArrayList<>();
    for (String id : ids) {
      disputes.add(sim.get(id));
      Json.newMapper().readValue(sim.get(id).toString(), Dispute.class);
    }
    assertThat(ids).hasSizeBetween(22, 30);
    assertThat(values(disputes, "reason"))
        .contains(
            "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
            "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
            "UNAUTHORISED",
            "CREDIT_NOT_PROCESSED",
            "DUPLICATE_TRANSACTION",
            "INCORRECT_AMOUNT",
            "PAYMENT_BY_OTHER_MEANS",
            "CANCELED_RECURRING_BILLING");
    assertThat(values(disputes, "dispute_life_cycle_stage"))
        .contains("INQUIRY", "CHARGEBACK", "PRE_ARBITRATION");
    assertThat(values(disputes, "dispute_amount/currency_code"))
        .contains("USD", "EUR", "GBP", "JPY", "AUD");
    assertThat(values(disputes, "dispute_outcome/outcome_code"))
        .contains("RESOLVED_BUYER_FAVOUR", "RESOLVED_SELLER_FAVOUR");
    assertThat(values(disputes, "status"))
        .contains("WAITING_FOR_BUYER_RESPONSE", "UNDER_REVIEW", "OPEN");
    List<Instant> dues = new ArrayList<>();
    disputes.forEach(d -> d.path("seller_response_due_date").textValue());
    for (JsonNode d : disputes) {
      if (d.has("seller_response_due_date")) {
        dues.add(Instant.parse(d.get("seller_response_due_date").asText()));
      }
    }
    assertThat(dues)
        .anyMatch(t -> t.isBefore(NOW))
        .anyMatch(t -> t.isAfter(NOW.plusSeconds(20 * 86_400)));
    assertThat(disputes)
        .anySatisfy(
            d ->
                assertThat(d.get("messages").toString())
                    .contains("<!channel>")
                    .contains("*nothing*")
                    .contains("&")
                    .contains("<https://example.com/photo.jpg|my photo>"));
  }

  @Test
  void historicSeedOfTenThousandIsQuickAndMostlyResolved() {
    long start = System.nanoTime();
    List<String> ids = SimSeeds.historic(sim, 10_000, clock, new Random(3));
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("historic(10_000) took " + millis + " ms");

    assertThat(ids).hasSize(10_000).doesNotHaveDuplicates();
    assertThat(sim.count()).isEqualTo(10_000);
    long open = sim.disputes().idsWhere(d -> !d.isResolved()).size();
    assertThat(open).isBetween(1_000L, 2_000L);
    assertThat(sim.disputes().idsWhere(d -> d.createTime.isBefore(NOW.minusSeconds(170L * 86_400))))
        .isEmpty();
    assertThat(sim.disputes().idsWhere(d -> d.createTime.isBefore(NOW.minusSeconds(120L * 86_400))))
        .isNotEmpty();
  }

  @Test
  void evolverKeepsMakingPlausibleChanges() {
    SimSeeds.realistic(sim, clock, new Random(5));
    SimEvolver evolver = new SimEvolver(sim, clock, new Random(9));
    Set<String> kinds = new HashSet<>();
    int before = sim.count();

    for (int i = 0; i < 60; i++) {
      SimEvolver.Change change = evolver.tick();
      kinds.add(change.eventType());
      assertThat(sim.get(change.disputeId())).isNotNull();
      assertThat(change.description()).isNotBlank();
    }

    assertThat(kinds)
        .contains(
            "CUSTOMER.DISPUTE.CREATED", "CUSTOMER.DISPUTE.UPDATED", "CUSTOMER.DISPUTE.RESOLVED");
    assertThat(sim.count()).isGreaterThan(before);
  }

  @Test
  void buyersMessagesFitTheReasonAndNameTheDisputesOwnItem() {
    List<String> ids = new ArrayList<>(SimSeeds.realistic(sim, clock, new Random(7)));
    ids.addAll(SimSeeds.historic(sim, 300, clock, new Random(8)));
    SimEvolver evolver = new SimEvolver(sim, clock, new Random(11));
    for (int i = 0; i < 200; i++) {
      evolver.tick();
    }

    int checked = 0;
    for (String id : sim.ids()) {
      JsonNode d = sim.get(id);
      String reason = d.path("reason").asText();
      JsonNode item = d.at("/disputed_transactions/0/items/0");
      String itemName = item.path("item_name").asText();
      if (reason.equals("CANCELED_RECURRING_BILLING")) {
        assertThat(item.path("item_type").asText())
            .as(id + " bills a subscription")
            .isEqualTo("SERVICE");
      }
      for (JsonNode m : d.path("messages")) {
        if (!m.path("posted_by").asText().equals("BUYER")) {
          continue;
        }
        String text = m.path("content").asText().toLowerCase(java.util.Locale.ROOT);
        checked++;
        assertThat(text).as(id + " (" + reason + ")").doesNotContain(forbidden(reason));
        for (String other : SimCatalogue.PRODUCTS) {
          if (!other.equals(itemName)) {
            assertThat(text)
                .as(id + " names only its own item " + itemName)
                .doesNotContain(other.toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(300);
  }

  /** Words a buyer with this reason would not write. */
  private static String[] forbidden(String reason) {
    String[] shipping = {
      "courier", "parcel", "tracking", "arrived", "delivered", "photos", "damaged", "broken"
    };
    return switch (reason) {
      case "MERCHANDISE_OR_SERVICE_NOT_RECEIVED" ->
          new String[] {
            "photos", "damaged", "broken", "scratches", "stopped working", "wrong colour"
          };
      case "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED" ->
          new String[] {"courier", "never arrived", "where is my"};
      case "CREDIT_NOT_PROCESSED" ->
          new String[] {"courier", "parcel", "photos", "damaged", "broken"};
      default -> shipping;
    };
  }

  private static Set<String> values(List<JsonNode> disputes, String path) {
    Set<String> values = new HashSet<>();
    for (JsonNode d : disputes) {
      JsonNode v = d.at("/" + path);
      if (!v.isMissingNode()) {
        values.add(v.asText());
      }
    }
    return values;
  }
}

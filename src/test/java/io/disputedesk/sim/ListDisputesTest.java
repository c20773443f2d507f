package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListDisputesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  private String createAt(Instant created) {
    return sim.createDispute(SimDisputeSpec.builder().createTime(created).build());
  }

  @Test
  void pagesThrough120DisputesWithoutDuplicatesOrGaps() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 120; i++) {
      created.add(createAt(NOW.minus(Duration.ofHours(i + 1))));
    }
    List<String> seen = new ArrayList<>();
    List<Instant> createTimes = new ArrayList<>();
    String url = "/v1/customer/disputes?page_size=50";
    int pages = 0;
    while (url != null) {
      HttpResponse<String> r = client.get(url);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = SimClient.json(r);
      body.get("items")
          .forEach(
              item -> {
                seen.add(item.get("dispute_id").asText());
                createTimes.add(Instant.parse(item.get("create_time").asText()));
              });
      url = null;
      for (JsonNode link : body.get("links")) {
        if (link.get("rel").asText().equals("next")) {
          url = link.get("href").asText();
        }
      }
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(120).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(created);
    assertThat(createTimes).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void pageNumbersWorkAsTheNewerAlternative() {
    for (int i = 0; i < 12; i++) {
      createAt(NOW.minus(Duration.ofHours(i + 1)));
    }
    JsonNode page2 = SimClient.json(client.get("/v1/customer/disputes?page_size=5&page=2"));
    JsonNode page3 = SimClient.json(client.get("/v1/customer/disputes?page_size=5&page=3"));

    assertThat(page2.get("items")).hasSize(5);
    assertThat(rels(page2)).containsExactly("self", "first", "next");
    assertThat(page2.get("links").get(2).get("href").asText()).endsWith("?page_size=5&page=3");
    assertThat(page3.get("items")).hasSize(2);
    assertThat(rels(page3)).containsExactly("self", "first");
  }

  @Test
  void itemsCarryOnlySummaryFieldsAndLinksPointAtTheSimulator() {
    createAt(NOW.minus(Duration.ofDays(1)));
    JsonNode body = SimClient.json(client.get("/v1/customer/disputes"));
    JsonNode item = body.get("items").get(0);

    List<String> fields = new ArrayList<>();
    item.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .contains(
            "dispute_id",
            "create_time",
            "update_time",
            "reason",
            "status",
            "dispute_state",
            "dispute_amount",
            "dispute_life_cycle_stage",
            "dispute_channel",
            "seller_response_due_date",
            "links")
        .doesNotContain("messages", "evidences", "offer", "allowed_response_options");
    assertThat(item.get("create_time").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(item.get("links").get(0).get("href").asText())
        .isEqualTo(sim.baseUrl() + "/v1/customer/disputes/" + item.get("dispute_id").asText());
    assertThat(body.get("links").get(0).get("href").asText())
        .isEqualTo(sim.baseUrl() + "/v1/customer/disputes");
  }

  @Test
  void emptyResultOmitsItems() {
    JsonNode body =
        SimClient.json(client.get("/v1/customer/disputes?dispute_state=REQUIRED_ACTION"));

    assertThat(body.has("items")).isFalse();
    assertThat(rels(body)).containsExactly("self", "first");
  }

  @Test
  void pageSizeOutsideOneToFiftyIsRejected() {
    HttpResponse<String> r = client.get("/v1/customer/disputes?page_size=51");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(r).get("name").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(SimClient.issue(r)).isEqualTo("INVALID_PAGE_SIZE");
    assertThat(r.headers().firstValue("Paypal-Debug-Id"))
        .isPresent()
        .hasValue(SimClient.json(r).get("debug_id").asText());
    assertThat(client.get("/v1/customer/disputes?page_size=0").statusCode()).isEqualTo(400);
    assertThat(client.get("/v1/customer/disputes?page_size=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void timeBoundsOlderThan180DaysAreRejected() {
    String tooOld = NOW.minus(Duration.ofDays(180)).minusSeconds(1).toString();
    String justInside = NOW.minus(Duration.ofDays(179)).toString();

    HttpResponse<String> r = client.get("/v1/customer/disputes?update_time_after=" + tooOld);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(SimClient.issue(r)).isEqualTo("INVALID_DATE_RANGE");
    assertThat(client.get("/v1/customer/disputes?update_time_after=" + justInside).statusCode())
        .isEqualTo(200);
    assertThat(SimClient.issue(client.get("/v1/customer/disputes?create_time_after=" + tooOld)))
        .isEqualTo("INVALID_DATE_RANGE");
    assertThat(SimClient.issue(client.get("/v1/customer/disputes?update_time_after=yesterday")))
        .isEqualTo("INVALID_PARAMETER_SYNTAX");
  }

  @Test
  void filtersByUpdateTimeStateTransactionAndCreateTime() {
    String old = createAt(NOW.minus(Duration.ofDays(10)));
    clock.advance(Duration.ofMinutes(1));
    String fresh = createAt(NOW.minus(Duration.ofDays(2)));
    String resolved =
        sim.createDispute(
            SimDisputeSpec.builder()
                .createTime(NOW.minus(Duration.ofDays(3)))
                .buyerTransactionId("5TU94784L2154312A")
                .resolved(SimOutcome.RESOLVED_SELLER_FAVOUR, null, false)
                .build());
    clock.advance(Duration.ofHours(1));
    sim.addBuyerMessage(old, "Any news?");

    assertThat(ids("update_time_after=" + NOW.plus(Duration.ofMinutes(30)))).containsExactly(old);
    assertThat(ids("dispute_state=RESOLVED,OPEN_INQUIRIES")).containsExactly(resolved);
    assertThat(ids("dispute_state=REQUIRED_ACTION")).containsExactly(fresh, old);
    assertThat(ids("disputed_transaction_id=5TU94784L2154312A")).containsExactly(resolved);
    assertThat(
            ids(
                "create_time_after="
                    + NOW.minus(Duration.ofDays(4))
                    + "&create_time_before="
                    + NOW.minus(Duration.ofDays(2)).minusSeconds(1)))
        .containsExactly(resolved);
    assertThat(ids("start_time=" + NOW.minus(Duration.ofDays(5)))).containsExactly(fresh, resolved);
    assertThat(client.get("/v1/customer/disputes?dispute_state=WHATEVER").statusCode())
        .isEqualTo(400);
  }

  @Test
  void disputesNotUpdatedFor180DaysAreNotListedByDefault() {
    createAt(NOW.minus(Duration.ofDays(200)));
    String recent = createAt(NOW.minus(Duration.ofDays(1)));

    assertThat(ids("page_size=50")).containsExactly(recent);
  }

  @Test
  void narrowUpdateWindowStaysFastWithTenThousandDisputes() {
    SimSeeds.historic(sim, 10_000, clock, new java.util.Random(7));
    clock.advance(Duration.ofMinutes(5));
    String touched = sim.ids().get(42);
    sim.setSellerDueDate(touched, NOW.plus(Duration.ofDays(3)));

    long start = System.nanoTime();
    List<String> found = ids("update_time_after=" + NOW.plus(Duration.ofMinutes(1)));
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.println("narrow list over 10,000 disputes took " + millis + " ms");
    assertThat(found).containsExactly(touched);
  }

  private List<String> ids(String query) {
    HttpResponse<String> r = client.get("/v1/customer/disputes?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    SimClient.json(r).path("items").forEach(i -> ids.add(i.get("dispute_id").asText()));
    return ids;
  }

  private static List<String> rels(JsonNode body) {
    List<String> rels = new ArrayList<>();
    body.get("links").forEach(l -> rels.add(l.get("rel").asText()));
    return rels;
  }
}

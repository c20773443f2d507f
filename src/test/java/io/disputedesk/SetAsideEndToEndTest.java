package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.json.Json;
import io.disputedesk.sim.DetailsFault;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollResult;
import io.disputedesk.sync.SyncState;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One dispute whose details fail does not stop polling, through the running bot: it is set aside,
 * the other cards still update, the cursor passes it, {@code /healthz} and {@code /metrics} show
 * it, and a later poll brings it in once PayPal serves it again.
 */
class SetAsideEndToEndTest {
  /** The ways PayPal's details of one dispute go wrong, each kept up until the test clears it. */
  enum Failure {
    SERVER_ERROR((sim, id) -> sim.failNextFor("get", id, 500, 1000)),
    FORBIDDEN((sim, id) -> sim.failNextFor("get", id, 403, 1000)),
    MALFORMED_JSON((sim, id) -> sim.spoilDetails(id, DetailsFault.MALFORMED_JSON, 1000)),
    MISSING_AMOUNT((sim, id) -> sim.spoilDetails(id, DetailsFault.MISSING_AMOUNT, 1000));

    private final BiConsumer<PayPalSimulator, String> inject;

    Failure(BiConsumer<PayPalSimulator, String> inject) {
      this.inject = inject;
    }
  }

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private static final String METRICS_TOKEN = "set-aside-metrics-token-0123456789";
  private BotDesk desk;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Set-aside disputes are health details: only for a caller with the metrics token. */
  @BeforeEach
  void create() {
    desk = bot.desk().with("METRICS_TOKEN", METRICS_TOKEN);
  }

  private String newInquiry() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount("23.00", "USD")
            .createTime(Instant.now().minus(Duration.ofHours(2)))
            .build());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.app().port() + path))
            .header("Authorization", "Bearer " + METRICS_TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode health() throws Exception {
    HttpResponse<String> r = get("/healthz?verbose");
    assertThat(r.statusCode()).as("a set-aside dispute leaves the bot healthy").isEqualTo(200);
    return Json.newMapper().readTree(r.body());
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void oneDisputeWhoseDetailsFailIsSetAsideWhileTheOthersUpdateAndItComesInLater(Failure failure)
      throws Exception {
    desk.start();
    desk.pollAndSettle();
    String known = newInquiry();
    desk.pollAndSettle();
    SlackMessage knownCard = desk.card(known).orElseThrow();
    String bad = newInquiry();
    String other = newInquiry();
    desk.sim.addBuyerMessage(known, "Any news?");
    failure.inject.accept(desk.sim, bad);

    PollResult result = desk.app().pollNow();
    desk.awaitSlackQuiet();

    assertThat(result.ok()).isTrue();
    assertThat(result.setAside()).isEqualTo(1);
    assertThat(desk.cardsOf(other)).hasSize(1);
    assertThat(desk.replies(knownCard))
        .extracting(SlackMessage::text)
        .anySatisfy(t -> assertThat(t).contains("Any news?"));
    assertThat(desk.cardsOf(bad)).isEmpty();
    Instant badUpdate = Instant.parse(desk.sim.get(bad).path("update_time").asText());
    assertThat(new SyncState(desk.app().database()).instant(DisputeSync.CURSOR))
        .hasValueSatisfying(cursor -> assertThat(cursor).isAfterOrEqualTo(badUpdate));
    JsonNode setAside = health().path("poll").path("set_aside");
    assertThat(setAside.path("count").asInt()).isEqualTo(1);
    assertThat(setAside.path("dispute_ids")).extracting(JsonNode::asText).containsExactly(bad);
    assertThat(get("/metrics").body()).contains("dd_disputes_set_aside 1.0");

    desk.sim.clearFaults();
    desk.clock.advance(Duration.ofMinutes(1));
    PollResult later = desk.app().pollNow();
    desk.awaitSlackQuiet();

    assertThat(later.ok()).isTrue();
    assertThat(later.setAside()).isZero();
    assertThat(desk.cardsOf(bad)).hasSize(1);
    assertThat(desk.cardsOf(other)).hasSize(1);
    assertThat(health().path("poll").path("set_aside").path("count").asInt()).isZero();
  }
}

package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An uninstalled app or a revoked token: health turns red with the reason, Slack writes wait in the
 * outbox (none lost, none failed), and go out once each when the token works again.
 */
class SlackRevocationEndToEndTest {
  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;

  private static final String METRICS_TOKEN = "revocation-metrics-token-0123456789";

  private void start() {
    desk = bot.desk().with("METRICS_TOKEN", METRICS_TOKEN);
    desk.start(BotDesk.fast().withSlackRecheck(Duration.ofMillis(200)));
    // A first card goes out: Slack writes work before the revocation.
    String first = desk.sim.createDispute(SimDisputeSpec.builder().amount("10.00", "USD").build());
    desk.pollAndSettle();
    assertThat(desk.cardsOf(first)).hasSize(1);
    // Its order facts redraw it in the background; that write must land before the token goes.
    desk.awaitOrderFacts(first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tokens_revoked", "app_uninstalled"})
  void aRevokingEventPausesSlackWritesUntilTheTokenWorksAgain(String eventType) throws Exception {
    start();
    desk.slack.revokeBotToken();
    ObjectNode event =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", eventType)
            .put("event_ts", "1732700300.1");
    event.putObject("tokens").putArray("bot").add(SlackRequests.BOT_USER_ID);
    SignedPost events =
        new SignedPost(URI.create(url("/slack/events")), new SlackSigner("test-signing-secret"));

    assertThat(events.send(SlackRequests.eventCallback(event, "Ev0REVOKE")).status())
        .isEqualTo(200);

    assertThat(get("/healthz").statusCode()).isEqualTo(503);
    HttpResponse<String> health = get("/healthz?verbose");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("Slack sent " + eventType, "paused");
    assertHeldThenSentOnce();
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void aWriteRefusedForTheTokenPausesSlackWritesWithoutFailingThem() throws Exception {
    start();
    desk.slack.revokeBotToken();

    assertHeldThenSentOnce();
  }

  @Test
  void clicksAreAnsweredAgainAsSoonAsTheTokenWorksAgain() throws Exception {
    start();
    String id = desk.sim.createDispute(SimDisputeSpec.builder().amount("30.00", "USD").build());
    desk.pollAndSettle();
    String ts = desk.card(id).orElseThrow().ts();
    SignedPost events =
        new SignedPost(URI.create(url("/slack/events")), new SlackSigner("test-signing-secret"));
    SlackBody click =
        SlackRequests.blockAction(Ids.REFRESH)
            .value(id)
            .user(SlackRequests.USER_ID, "alice")
            .inMessage(BotDesk.CHANNEL, ts, "https://hooks.slack.com/actions/T/1/x")
            .body();
    desk.slack.revokeBotToken();

    // Acknowledged while the token is refused: nothing in the bot asks Slack's auth.test on the
    // way.
    assertThat(events.send(click).status()).isEqualTo(200);
    desk.slack.restoreBotToken();

    // Bolt would keep the refused auth.test for ten minutes and answer every click 401 meanwhile.
    assertThat(events.send(click).status()).isEqualTo(200);
  }

  /** A new dispute's card stays in the outbox while the token is revoked, then goes out once. */
  private void assertHeldThenSentOnce() throws Exception {
    int postsBefore = desk.slack.calls("chat.postMessage").size();
    String second = desk.sim.createDispute(SimDisputeSpec.builder().amount("20.00", "USD").build());
    assertThat(desk.app().pollNow().ok()).isTrue();
    // Positive signal: the sender has gone round twice since (each round asks auth.test again).
    int checks = desk.slack.calls("auth.test").size();
    Await.until(
        "two re-checks while paused", () -> desk.slack.calls("auth.test").size() >= checks + 2);
    assertThat(get("/healthz").statusCode()).isEqualTo(503);
    HttpResponse<String> health = get("/healthz?verbose");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("paused", "kept in the outbox");
    assertThat(desk.cardsOf(second)).isEmpty();
    assertThat(desk.app().outboxBacklog()).isPositive();
    OutboxStore outbox = new OutboxStore(desk.app().database());
    assertThat(outbox.inState(OutboxRow.FAILED)).isEmpty();
    // At most the one write whose refusal paused the sender was tried.
    assertThat(desk.slack.calls("chat.postMessage").size()).isLessThanOrEqualTo(postsBefore + 1);

    desk.slack.restoreBotToken();

    Await.until("the held card to go out", () -> desk.cardsOf(second).size() == 1);
    desk.awaitSlackQuiet();
    assertThat(desk.cardsOf(second)).hasSize(1);
    assertThat(outbox.inState(OutboxRow.FAILED)).isEmpty();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + desk.app().port() + path;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + METRICS_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

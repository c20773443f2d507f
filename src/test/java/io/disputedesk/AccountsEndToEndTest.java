package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.sync.PollResult;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three PayPal accounts served at once, end to end: the default account's own app, a merchant the
 * default app acts for as a partner ({@code brand-b}), and a merchant with its own app ({@code
 * brand-c}), each routed to its own channel.
 */
class AccountsEndToEndTest {
  private static final String BRAND_B = "C0BRANDB01";
  private static final String BRAND_C = "C0BRANDC01";
  private static final String BIG = "C0BIGMONEY";
  private static final String MERCHANT_B = "BRANDB00001";
  private static final String MERCHANT_C = "BRANDC00001";
  private static final String WEBHOOK_C = "WHBRANDC0001";
  private static final String AGENT = "U0AGENT001";
  private static final String METRICS_TOKEN = "accounts-metrics-token-0123456789abcdef";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private Channels slack;

  @BeforeEach
  void start() {
    desk = bot.desk();
    for (String channel : List.of(BRAND_B, BRAND_C, BIG)) {
      desk.slack.addChannel(channel, channel.toLowerCase());
    }
    slack = new Channels(desk.slack);
    desk.sim.accounts().grantPartner("sim-client-id", MERCHANT_B);
    desk.sim.accounts().addApp(MERCHANT_C, "brand-c-id", "brand-c-secret", WEBHOOK_C);
    String base = desk.sim.baseUrl();
    desk.with("PAYPAL_CLIENT_ID", "")
        .with("PAYPAL_CLIENT_SECRET", "")
        .with(
            "ACCOUNTS",
            "[{name: default, client_id: sim-client-id, client_secret: sim-client-secret,"
                + " base_url: '"
                + base
                + "', webhook_id: 1JE4291016473214C},"
                + " {name: brand-b, partner: default, payer_id: "
                + MERCHANT_B
                + "},"
                + " {name: brand-c, client_id: brand-c-id, client_secret: brand-c-secret, base_url: '"
                + base
                + "',"
                + " webhook_id: "
                + WEBHOOK_C
                + "}]")
        .with(
            "ROUTES",
            "[{channel: "
                + BRAND_B
                + ", when: account:brand-b},"
                + " {channel: "
                + BRAND_C
                + ", when: account:brand-c}, {channel: "
                + BIG
                + ", when: 500 USD}]")
        .with("AGENTS", AGENT)
        .with("VIEWERS", SlackRequests.USER_ID)
        .with("METRICS_TOKEN", METRICS_TOKEN)
        .start();
    desk.pollAndSettle();
  }

  private String dispute(String merchant, String usd) {
    return desk.sim.createDispute(
        SimDisputeSpec.builder().merchant(merchant).amount(usd, "USD").build());
  }

  @Test
  void eachAccountIsPolledWithItsOwnCredentialsAndItsCardsGoToItsChannelNamingIt()
      throws Exception {
    String a = dispute(null, "20.00");
    String b = dispute(MERCHANT_B, "30.00");
    String c = dispute(MERCHANT_C, "40.00");
    desk.pollAndSettle();

    assertThat(slack.card(BotDesk.CHANNEL, a).blocks().toString())
        .contains("PayPal account *default*");
    assertThat(slack.card(BRAND_B, b).blocks().toString()).contains("PayPal account *brand-b*");
    assertThat(slack.card(BRAND_C, c).blocks().toString()).contains("PayPal account *brand-c*");
    assertThat(slack.cards(BotDesk.CHANNEL, b)).isEmpty();
    DisputeStore stored = new DisputeStore(desk.app().database(), Json.newMapper());
    assertThat(List.of(a, b, c))
        .extracting(id -> stored.accountOf(id).orElseThrow())
        .containsExactly("default", "brand-b", "brand-c");
    assertThat(desk.sim.requestsTo("get"))
        .filteredOn(r -> r.pathAndQuery().endsWith(b))
        .allSatisfy(r -> assertThat(claims(r).path("payer_id").asText()).isEqualTo(MERCHANT_B));

    JsonNode list =
        slack.command(
            desk.app(),
            "test-signing-secret",
            "list account:brand-c",
            SlackRequests.USER_ID,
            BotDesk.CHANNEL);
    assertThat(list.path("text").asText()).isEqualTo("Open disputes: 1 dispute");
    assertThat(list.toString()).contains("`brand-c`", c).doesNotContain(a, b);
    assertThat(
            slack
                .command(
                    desk.app(),
                    "test-signing-secret",
                    "stats",
                    SlackRequests.USER_ID,
                    BotDesk.CHANNEL)
                .toString())
        .contains("Open by PayPal account: *brand-b* 1 · *brand-c* 1 · *default* 1");

    SignedPost events =
        new SignedPost(
            URI.create("http://127.0.0.1:" + desk.app().port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));
    assertThat(
            events.send(SlackRequests.appHomeOpened(SlackRequests.USER_ID, "Ev0ACCOUNTS")).status())
        .isEqualTo(200);
    Await.until("the Home tab", () -> desk.slack.homeView(SlackRequests.USER_ID).isPresent());
    assertThat(desk.slack.homeView(SlackRequests.USER_ID).orElseThrow().blocks().toString())
        .contains("`default`", "`brand-b`", "`brand-c`");
  }

  @Test
  void anActionFromEitherCardCallsPayPalOnceWithTheDisputesOwnAccount() {
    String b = dispute(MERCHANT_B, "800.00");
    String c = dispute(MERCHANT_C, "45.00");
    desk.pollAndSettle();
    assertThat(slack.cards(BRAND_B, b)).hasSize(1);

    sendMessage(BIG, b, "Your refund is on its way.");
    sendMessage(BRAND_C, c, "We shipped it yesterday.");

    List<SimRequest> sent = desk.sim.requestsTo("send-message");
    assertThat(sent).hasSize(2);
    SimRequest forB =
        sent.stream().filter(r -> r.pathAndQuery().contains(b)).findFirst().orElseThrow();
    assertThat(claims(forB).path("iss").asText()).isEqualTo("sim-client-id");
    assertThat(claims(forB).path("payer_id").asText()).isEqualTo(MERCHANT_B);
    SimRequest forC =
        sent.stream().filter(r -> r.pathAndQuery().contains(c)).findFirst().orElseThrow();
    assertThat(forC.header("PayPal-Auth-Assertion")).as("brand-c calls with its own app").isNull();
    for (String channel : List.of(BRAND_B, BIG)) {
      Await.until(
          "the action's reply in " + channel,
          () ->
              slack.replies(channel, b).stream().anyMatch(m -> m.text().contains("Send message")));
    }
    desk.awaitSlackQuiet();
    for (String channel : List.of(BRAND_B, BIG)) {
      assertThat(slack.replies(channel, b))
          .extracting(SlackMessage::text)
          .as(channel)
          .filteredOn(t -> t.contains("Send message"))
          .hasSize(1);
    }
  }

  @Test
  void orderFactsAreReadWithTheDisputesOwnAccount() {
    String b = dispute(MERCHANT_B, "30.00");
    String c = dispute(MERCHANT_C, "40.00");
    desk.pollAndSettle();
    Await.until(
        "the order facts on both cards",
        () -> slack.showsOrder(BRAND_B, b) && slack.showsOrder(BRAND_C, c));

    DisputeStore stored = new DisputeStore(desk.app().database(), Json.newMapper());
    assertThat(claims(search(stored, b)).path("payer_id").asText())
        .as("brand-b through its partner")
        .isEqualTo(MERCHANT_B);
    SimRequest searchC = search(stored, c);
    assertThat(searchC.header("PayPal-Auth-Assertion"))
        .as("brand-c reads with its own app")
        .isNull();
    String brandCToken =
        desk.sim.requestsTo("get").stream()
            .filter(r -> r.pathAndQuery().endsWith(c))
            .findFirst()
            .orElseThrow()
            .header("Authorization");
    assertThat(searchC.header("Authorization")).as("brand-c's own token").isEqualTo(brandCToken);
  }

  /** The Transaction Search request about the dispute's transaction. */
  private SimRequest search(DisputeStore stored, String disputeId) {
    String txn =
        stored
            .find(disputeId)
            .orElseThrow()
            .dispute()
            .firstTransaction()
            .map(
                t ->
                    t.sellerTransactionId() != null
                        ? t.sellerTransactionId()
                        : t.buyerTransactionId())
            .orElseThrow();
    return desk.sim.requestsTo("transactions-search").stream()
        .filter(r -> r.pathAndQuery().contains(txn))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Transaction Search for " + disputeId));
  }

  @Test
  void oneAccountRefusedLeavesTheOtherAccountsCardsUpdating() throws Exception {
    String a = dispute(null, "20.00");
    String b = dispute(MERCHANT_B, "30.00");
    String c = dispute(MERCHANT_C, "40.00");
    desk.pollAndSettle();

    desk.sim.accounts().revokeApp("brand-c-id", true);
    for (String id : List.of(a, b, c)) {
      desk.sim.addBuyerMessage(id, "News for " + id);
    }
    PollResult result = desk.app().pollNow();
    desk.awaitSlackQuiet();

    assertThat(result.ok()).isFalse();
    assertThat(result.error()).startsWith("brand-c: ").contains("401");
    assertThat(slack.replies(BotDesk.CHANNEL, a))
        .extracting(SlackMessage::text)
        .anySatisfy(t -> assertThat(t).contains("News for"));
    assertThat(slack.replies(BRAND_B, b))
        .extracting(SlackMessage::text)
        .anySatisfy(t -> assertThat(t).contains("News for"));
    assertThat(slack.replies(BRAND_C, c)).isEmpty();
    JsonNode health = Json.newMapper().readTree(get("/healthz?verbose").body());
    JsonNode accounts = health.path("accounts");
    assertThat(accounts).hasSize(3);
    assertThat(accounts.get(2).path("name").asText()).isEqualTo("brand-c");
    assertThat(accounts.get(2).path("ok").asBoolean()).isFalse();
    assertThat(accounts.get(2).path("last_error").asText()).contains("401");
    assertThat(accounts.get(0).path("ok").asBoolean()).isTrue();
    assertThat(accounts.get(1).path("ok").asBoolean()).isTrue();
    assertThat(get("/metrics").body())
        .contains(
            "dd_account_poll_ok{account=\"brand-c\"} 0.0",
            "dd_account_poll_ok{account=\"brand-b\"} 1.0",
            "dd_account_polls_total{account=\"brand-c\",outcome=\"failure\"} 1.0");

    assertThat(home()).contains(":red_circle: Last successful PayPal check", "brand-c: ");

    desk.sim.accounts().revokeApp("brand-c-id", false);
    assertThat(desk.app().pollNow().ok()).isTrue();
    assertThat(home()).contains(":large_green_circle: Last successful PayPal check");
    desk.awaitSlackQuiet();
    assertThat(slack.replies(BRAND_C, c))
        .extracting(SlackMessage::text)
        .singleElement()
        .satisfies(t -> assertThat(t).contains("News for"));
  }

  @Test
  void webhooksAreMatchedToTheirAccountByTheirWebhookId() {
    String c = dispute(MERCHANT_C, "40.00");
    desk.pollAndSettle();
    desk.sim.addBuyerMessage(c, "Webhook news");
    String bot = "http://127.0.0.1:" + desk.app().port();

    assertThat(desk.sim.sendWebhook(bot + "/paypal/webhooks", "CUSTOMER.DISPUTE.UPDATED", c))
        .as("brand-c's event does not verify as the default account's")
        .isEqualTo(400);
    assertThat(
            desk.sim.sendWebhook(bot + "/paypal/webhooks/brand-c", "CUSTOMER.DISPUTE.UPDATED", c))
        .isEqualTo(200);

    Await.until("the webhook's reply", () -> !slack.replies(BRAND_C, c).isEmpty());
    assertThat(slack.replies(BRAND_C, c))
        .extracting(SlackMessage::text)
        .singleElement()
        .satisfies(t -> assertThat(t).contains("Webhook news"));
    assertThat(desk.sim.requestsTo("verify-webhook-signature")).hasSize(2);
  }

  private void sendMessage(String channel, String disputeId, String text) {
    SignedPost events =
        new SignedPost(
            URI.create("http://127.0.0.1:" + desk.app().port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));
    String ts = slack.card(channel, disputeId).ts();
    SignedPost.Reply click =
        events.send(
            SlackRequests.blockAction(CardAction.SEND_MESSAGE.buttonId())
                .value(disputeId)
                .user(AGENT, "agent")
                .triggerId(desk.slack.issueTrigger(AGENT))
                .actionTs("1732700042.000001")
                .inMessage(channel, ts, desk.slack.hooksUrlFor(channel, ts, AGENT))
                .body());
    assertThat(click.status()).isEqualTo(200);
    Await.until("the modal to open", () -> !desk.slack.openViews(AGENT).isEmpty());
    List<SlackView> stack = desk.slack.openViews(AGENT);
    SlackView view = stack.get(stack.size() - 1);
    desk.slack.closeViews(AGENT);
    int before = desk.sim.count("send-message");
    assertThat(
            events
                .send(
                    SlackRequests.viewSubmission(view.callbackId())
                        .viewId(view.id())
                        .privateMetadata(view.privateMetadata())
                        .user(AGENT, "agent")
                        .state(
                            new StateValues()
                                .plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, text))
                        .body())
                .status())
        .isEqualTo(200);
    Await.until("PayPal to be called", () -> desk.sim.count("send-message") == before + 1);
    desk.awaitSlackQuiet();
  }

  /** The viewer's Home tab as the bot publishes it when opened (a fresh event each time). */
  private String home() {
    SignedPost events =
        new SignedPost(
            URI.create("http://127.0.0.1:" + desk.app().port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));
    int before = desk.slack.calls("views.publish").size();
    assertThat(
            events
                .send(SlackRequests.appHomeOpened(SlackRequests.USER_ID, "Ev" + System.nanoTime()))
                .status())
        .isEqualTo(200);
    Await.until("the Home tab", () -> desk.slack.calls("views.publish").size() > before);
    return desk.slack.homeView(SlackRequests.USER_ID).orElseThrow().blocks().toString();
  }

  private static JsonNode claims(SimRequest r) {
    String assertion = r.header("PayPal-Auth-Assertion");
    assertThat(assertion).as("a PayPal-Auth-Assertion").isNotNull();
    try {
      return Json.newMapper().readTree(Base64.getUrlDecoder().decode(assertion.split("\\.")[1]));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.app().port() + path))
                .header("Authorization", "Bearer " + METRICS_TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

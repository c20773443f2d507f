package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.config.Secret;
import io.disputedesk.http.FormCodec;
import io.disputedesk.http.HttpHost;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's server: what the page's clicks become on the wire, and how the bot's answers are
 * applied.
 */
class ConsoleApiTest {
  private final ConsoleRig rig = new ConsoleRig(Duration.ofSeconds(5));
  private final ConsoleClient console = new ConsoleClient(rig.consoleUrl());
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void pageAndScriptsAreServedWithAStrictContentSecurityPolicy() {
    HttpResponse<String> page = console.get("/");
    HttpResponse<String> script = console.get("/console/static/blocks.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(page.body()).contains("/console/static/console.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(console.get("/console/static/missing.js").statusCode()).isEqualTo(404);
    // An encoded path separator is refused by the HTTP server (Jetty) before any route sees it.
    assertThat(console.get("/console/static/..%2Fdb%2Fmigration").statusCode()).isEqualTo(400);
  }

  @Test
  void stateCarriesTheBotsMessagesAndTheDirectory() {
    JsonNode state = console.state(-1, "");

    assertThat(state.path("me").path("id").asText()).isEqualTo(ConsoleRig.USER);
    assertThat(state.path("channel").path("name").asText()).isEqualTo("disputes");
    assertThat(state.path("users").path("U0A1B2C3E").path("name").asText())
        .isEqualTo("Alice Archer");
    JsonNode card = state.path("messages").get(0);
    assertThat(card.path("ts").asText()).isEqualTo(rig.bot.cardTs);
    assertThat(card.path("bot").asBoolean()).isTrue();
    assertThat(card.path("blocks").get(0).path("type").asText()).isEqualTo("header");
  }

  @Test
  void stateShowsOnlyTheChannelsOfTheConsole() {
    assertThat(console.state(-1, "").path("channelList"))
        .extracting(c -> c.path("id").asText())
        .containsExactly(OfferBot.CHANNEL);
    assertThat(
            console
                .get("/console/api/state?since=-1&thread=&channel=" + OfferBot.CHANNEL)
                .statusCode())
        .isEqualTo(200);
    assertThat(console.get("/console/api/state?since=-1&thread=&channel=C0SECRETS1").statusCode())
        .isEqualTo(400);
  }

  @Test
  void stateRequestWaitsForTheNextChange() throws Exception {
    long seen = console.state(-1, "").path("version").asLong();
    int parked = rig.slack.client().waitingForChange();
    CompletableFuture<JsonNode> waiting =
        CompletableFuture.supplyAsync(() -> console.state(seen, ""));
    Await.until(
        "the state request waiting at the local Slack",
        () -> rig.slack.client().waitingForChange() > parked);
    assertThat(waiting).isNotDone();

    rig.client
        .methods(rig.slack.botToken())
        .chatPostMessage(r -> r.channel(OfferBot.CHANNEL).text("second"));

    JsonNode state = waiting.get(3, TimeUnit.SECONDS);
    assertThat(state.path("version").asLong()).isGreaterThan(seen);
    assertThat(state.path("messages")).hasSize(2);
  }

  @Test
  void buttonClickReachesTheBotAsASignedBlockActionsPayload() throws Exception {
    JsonNode reply = clickMakeOffer();

    assertThat(reply.path("ok").asBoolean()).isTrue();
    assertThat(rig.bot.actions).containsExactly(OfferBot.MAKE_OFFER);
    JsonNode payload = payloadOf(rig.bot.payloads.get(0));
    assertThat(payload.path("type").asText()).isEqualTo("block_actions");
    assertThat(payload.path("user").path("id").asText()).isEqualTo(ConsoleRig.USER);
    assertThat(payload.path("container").path("message_ts").asText()).isEqualTo(rig.bot.cardTs);
    assertThat(payload.path("message").path("blocks").get(0).path("type").asText())
        .isEqualTo("header");
    assertThat(payload.path("response_url").asText()).startsWith("http://127.0.0.1:");
    assertThat(payload.path("actions").get(0).path("value").asText()).isEqualTo("PP-D-1");
    List<SlackView> modals = rig.slack.openViews(ConsoleRig.USER);
    assertThat(modals)
        .singleElement()
        .extracting(SlackView::callbackId)
        .isEqualTo(OfferBot.VIEW_OFFER);
  }

  @Test
  void invalidSubmissionReturnsTheFieldErrorsAndKeepsTheModalOpen() {
    clickMakeOffer();
    String viewId = rig.slack.openViews(ConsoleRig.USER).get(0).id();

    JsonNode reply = submit(viewId, "abc");

    assertThat(reply.path("ok").asBoolean()).isTrue();
    assertThat(reply.path("errors").path("amount").asText()).contains("above 0");
    assertThat(rig.slack.openViews(ConsoleRig.USER)).hasSize(1);
  }

  @Test
  void validSubmissionClosesTheModalRepliesInTheThreadAndUpdatesTheCard() throws Exception {
    clickMakeOffer();
    SlackView modal = rig.slack.openViews(ConsoleRig.USER).get(0);

    JsonNode reply = submit(modal.id(), "12.50");

    assertThat(reply.path("ok").asBoolean()).isTrue();
    assertThat(reply.has("errors")).isFalse();
    assertThat(rig.slack.openViews(ConsoleRig.USER)).isEmpty();
    JsonNode submission = payloadOf(rig.bot.payloads.get(1));
    assertThat(submission.path("view").path("private_metadata").asText()).isEqualTo("PP-D-1");
    assertThat(rig.slack.replies(OfferBot.CHANNEL, rig.bot.cardTs))
        .singleElement()
        .extracting(SlackMessage::text)
        .asString()
        .contains("12.50 USD");
    assertThat(
            rig.slack.message(OfferBot.CHANNEL, rig.bot.cardTs).orElseThrow().blocks().toString())
        .contains("Offer sent: 12.50 USD");
    JsonNode state = console.state(-1, rig.bot.cardTs);
    assertThat(state.path("thread").path("replies")).hasSize(1);
    assertThat(state.path("messages").get(0).path("replyCount").asInt()).isEqualTo(1);
  }

  @Test
  void submissionResponseActionsUpdatePushAndClearTheModalStack() throws Exception {
    String viewId = openStackModal();

    submitStack(viewId, "update");
    assertThat(rig.slack.openViews(ConsoleRig.USER))
        .singleElement()
        .satisfies(
            v -> assertThat(v.json().path("title").path("text").asText()).isEqualTo("Updated"));

    submitStack(viewId, "push");
    List<SlackView> stack = rig.slack.openViews(ConsoleRig.USER);
    assertThat(stack).hasSize(2);
    assertThat(stack.get(1).json().path("title").path("text").asText()).isEqualTo("Pushed");

    submitStack(stack.get(1).id(), "");
    assertThat(rig.slack.openViews(ConsoleRig.USER))
        .singleElement()
        .extracting(SlackView::id)
        .isEqualTo(viewId);

    submitStack(viewId, "push");
    submitStack(rig.slack.openViews(ConsoleRig.USER).get(1).id(), "clear");
    assertThat(rig.slack.openViews(ConsoleRig.USER)).isEmpty();
  }

  @Test
  void closeButtonClosesOnlyTheTopModal() {
    clickMakeOffer();
    String viewId = rig.slack.openViews(ConsoleRig.USER).get(0).id();

    JsonNode reply =
        console.post("/console/api/close", "{\"viewId\":\"" + viewId + "\",\"state\":{}}");

    assertThat(reply.path("ok").asBoolean()).isTrue();
    assertThat(rig.slack.openViews(ConsoleRig.USER)).isEmpty();
  }

  @Test
  void overflowChoiceIsSentWithTheSelectedOption() {
    JsonNode reply =
        console.post(
            "/console/api/action",
            """
        {"where":"message","channel":"C0A1B2C3F","ts":"%s","action":{"type":"overflow","action_id":"dd_more",
         "block_id":"act","selected_option":{"text":{"type":"plain_text","text":"Refresh"},"value":"refresh"}},"state":{}}
        """
                .formatted(rig.bot.cardTs));

    assertThat(reply.path("ok").asBoolean()).isTrue();
    assertThat(rig.bot.actions).containsExactly("dd_more:refresh");
  }

  @Test
  void responseUrlAnswerToAClickShowsAsAnEphemeralForTheUser() {
    console.post("/console/api/action", action("dd_accept_claim"));

    JsonNode ephemerals = console.state(-1, "").path("ephemerals");
    assertThat(ephemerals).hasSize(1);
    assertThat(ephemerals.get(0).path("text").asText()).contains("*PP-D-1*");

    console.post(
        "/console/api/dismiss", "{\"ts\":\"" + ephemerals.get(0).path("ts").asText() + "\"}");
    assertThat(console.state(-1, "").path("ephemerals")).isEmpty();
  }

  @Test
  void slashCommandAcknowledgementIsShownToTheUserAlone() {
    JsonNode reply = console.post("/console/api/command", "{\"text\":\"list due\"}");

    assertThat(reply.path("ok").asBoolean()).isTrue();
    assertThat(rig.slack.ephemerals(ConsoleRig.USER))
        .singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo("You asked for `list due`"));
    assertThat(rig.slack.messages(OfferBot.CHANNEL)).hasSize(1);
  }

  @Test
  void fileTheBotSendsTheUserIsListedAndDownloadable() {
    console.post("/console/api/command", "{\"text\":\"export\"}");

    JsonNode files = console.state(-1, "").path("dm").path("files");
    assertThat(files).hasSize(1);
    assertThat(files.get(0).path("title").asText()).isEqualTo("Disputes export");
    assertThat(files.get(0).path("comment").asText()).isEqualTo("Here is your export");
    HttpResponse<String> download =
        console.get("/console/api/file?id=" + files.get(0).path("id").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo("id,amount\nPP-D-1,23.00\n");
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"disputes.csv\"");
    assertThat(console.get("/console/api/file?id=F0NOPE").statusCode()).isEqualTo(404);
  }

  @Test
  void aPngTheBotSendsIsMarkedAsAnImageAndServedInlineOnlyWhenAsked() {
    console.post("/console/api/command", "{\"text\":\"report\"}");

    JsonNode file = console.state(-1, "").path("dm").path("files").get(0);
    assertThat(file.path("mimetype").asText()).isEqualTo("image/png");
    String id = file.path("id").asText();
    HttpResponse<String> inline = console.get("/console/api/file?id=" + id + "&inline=1");
    assertThat(inline.statusCode()).isEqualTo(200);
    assertThat(inline.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
    assertThat(inline.headers().firstValue("Content-Disposition")).hasValue("inline");
    assertThat(inline.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(
            console.get("/console/api/file?id=" + id).headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"report.png\"");

    console.post("/console/api/command", "{\"text\":\"export\"}");
    JsonNode csv = console.state(-1, "").path("dm").path("files").get(1);
    assertThat(csv.path("mimetype").asText()).isEqualTo("application/octet-stream");
    assertThat(
            console
                .get("/console/api/file?id=" + csv.path("id").asText() + "&inline=1")
                .headers()
                .firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/octet-stream"));
  }

  @Test
  void aBodyThatIsNotJsonIsABadRequest() {
    assertThat(console.get("/console/api/state?since=x").statusCode()).isEqualTo(400);
    assertThatThrownBy(() -> console.post("/console/api/action", "not json"))
        .hasMessageContaining("HTTP 400");
  }

  @Test
  void openingTheHomeTabSendsAppHomeOpenedAndShowsWhatThebotPublished() {
    JsonNode reply = console.post("/console/api/home", "{}");

    assertThat(reply.path("ok").asBoolean()).isTrue();
    JsonNode home = console.state(-1, "").path("home");
    assertThat(home.path("type").asText()).isEqualTo("home");
    assertThat(home.path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("Your queue");
  }

  @Test
  void aBotThatRejectsTheSignatureIsReportedToThePage() throws Exception {
    HttpHost host = new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
    ConsoleSettings wrongSecret =
        new ConsoleSettings(
            URI.create(eventsUrl()),
            new Secret("not-the-secret"),
            ConsoleRig.USER,
            OfferBot.CHANNEL);
    new Console(rig.slack, wrongSecret, Clock.systemUTC()).registerOn(host);
    host.start();
    try {
      JsonNode reply =
          new ConsoleClient("http://127.0.0.1:" + host.port())
              .post("/console/api/action", action("dd_refresh"));

      assertThat(reply.path("ok").asBoolean()).isFalse();
      assertThat(reply.path("error").asText()).contains("HTTP 401");
      assertThat(rig.bot.actions).isEmpty();
    } finally {
      host.stop(Duration.ZERO);
    }
  }

  @Test
  void anUnreachableBotIsReportedToThePage() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpHost host = new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
    new Console(
            rig.slack,
            new ConsoleSettings(
                URI.create("http://127.0.0.1:" + closedPort + "/slack/events"),
                new Secret(ConsoleRig.SECRET),
                ConsoleRig.USER,
                OfferBot.CHANNEL),
            Clock.systemUTC())
        .registerOn(host);
    host.start();
    try {
      JsonNode reply =
          new ConsoleClient("http://127.0.0.1:" + host.port())
              .post("/console/api/command", "{\"text\":\"help\"}");

      assertThat(reply.path("ok").asBoolean()).isFalse();
      assertThat(reply.path("error").asText()).contains("could not be reached");
    } finally {
      host.stop(Duration.ZERO);
    }
  }

  private String eventsUrl() {
    return "http://127.0.0.1:" + rig.botHost.port() + "/slack/events";
  }

  private JsonNode clickMakeOffer() {
    return console.post("/console/api/action", action(OfferBot.MAKE_OFFER));
  }

  private String action(String actionId) {
    return """
        {"where":"message","channel":"C0A1B2C3F","ts":"%s","action":{"type":"button","action_id":"%s",
         "block_id":"act","value":"PP-D-1","text":{"type":"plain_text","text":"x"}},"state":{}}
        """
        .formatted(rig.bot.cardTs, actionId);
  }

  private JsonNode submit(String viewId, String amount) {
    return console.post(
        "/console/api/submit",
        """
        {"viewId":"%s","state":{"amount":{"amount":{"type":"plain_text_input","value":"%s"}},
         "note":{"note":{"type":"plain_text_input","value":null}}}}
        """
            .formatted(viewId, amount));
  }

  private String openStackModal() throws Exception {
    String trigger = rig.slack.issueTrigger(ConsoleRig.USER);
    rig.client
        .methods(rig.slack.botToken())
        .viewsOpen(r -> r.triggerId(trigger).viewAsString(OfferBot.stackModal("Start")));
    return rig.slack.openViews(ConsoleRig.USER).get(0).id();
  }

  private void submitStack(String viewId, String next) {
    JsonNode reply =
        console.post(
            "/console/api/submit",
            """
        {"viewId":"%s","state":{"next":{"next":{"type":"plain_text_input","value":"%s"}}}}
        """
                .formatted(viewId, next));
    assertThat(reply.path("ok").asBoolean()).as(reply.toString()).isTrue();
  }

  private JsonNode payloadOf(String formBody) throws Exception {
    return mapper.readTree(FormCodec.decodeFirst(formBody).get("payload"));
  }
}

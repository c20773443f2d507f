package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.http.FormCodec;
import io.disputedesk.json.Json;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed but malformed Slack requests against the whole bot: Slack retries any 5xx and turns off
 * apps that keep failing, so each must get a 2xx or a 4xx.
 */
class SlackFrontDoorEndToEndTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final ObjectMapper mapper = Json.newMapper();

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private SignedPost post;

  @Test
  void malformedButSignedPayloadsOfEveryKindGetA2xxOr4xxNeverA5xx() throws Exception {
    desk = bot.desk();
    desk.start();
    post =
        new SignedPost(
            URI.create("http://127.0.0.1:" + desk.app().port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));
    String id = desk.sim.createDispute(SimDisputeSpec.builder().amount("80.00", "USD").build());
    desk.pollAndSettle();
    String ts = desk.card(id).orElseThrow().ts();
    Map<String, Integer> statuses = new LinkedHashMap<>();

    for (String action :
        List.of(
            CardAction.ACCEPT_CLAIM.buttonId(),
            Ids.ASSIGN_ME,
            Ids.REFRESH,
            Ids.APPROVE,
            Ids.HOME_MORE,
            Ids.LIST_MORE,
            Ids.SHOW_CARD,
            Ids.MORE_ACTIONS,
            Ids.REASSIGN)) {
      SlackBody click =
          SlackRequests.blockAction(action)
              .value(id)
              .user(SlackRequests.USER_ID, "alice")
              .inMessage(BotDesk.CHANNEL, ts, "https://hooks.slack.com/actions/T/1/x")
              .body();
      mutations(
          statuses,
          action,
          click,
          Map.of(
              "user null", p -> p.putNull("user"),
              "user id null", p -> p.with("user").putNull("id"),
              "value null", p -> ((ObjectNode) p.path("actions").get(0)).putNull("value"),
              "value garbage",
                  p -> ((ObjectNode) p.path("actions").get(0)).put("value", "::\u0000{\"x"),
              "action null", p -> ((ArrayNode) p.path("actions")).set(0, JSON.nullNode()),
              "action id null", p -> ((ObjectNode) p.path("actions").get(0)).putNull("action_id"),
              "no message or container", p -> p.without(List.of("message", "container", "channel")),
              "team null", p -> p.putNull("team"),
              "view without metadata",
                  p -> p.putObject("view").put("type", "home").putNull("private_metadata")));
    }
    for (String callback :
        List.of(
            CardAction.ACCEPT_CLAIM.viewId(),
            CardAction.MAKE_OFFER.viewId(),
            CardAction.SEND_MESSAGE.viewId(),
            CardAction.PROVIDE_EVIDENCE.viewId(),
            CardAction.ESCALATE.viewId(),
            Ids.VIEW_REASSIGN,
            CardAction.APPEAL.viewId())) {
      SlackBody submission =
          SlackRequests.viewSubmission(callback)
              .privateMetadata("{\"dispute_id\":\"" + id + "\"}")
              .state(new StateValues().plainText("note", "note", "hi"))
              .body();
      mutations(
          statuses,
          callback,
          submission,
          Map.of(
              "user null", p -> p.putNull("user"),
              "state null", p -> p.with("view").putNull("state"),
              "values null", p -> p.with("view").with("state").putNull("values"),
              "metadata not json", p -> p.with("view").put("private_metadata", "{"),
              "metadata null", p -> p.with("view").putNull("private_metadata"),
              "metadata wrong types",
                  p -> p.with("view").put("private_metadata", "{\"dispute_id\":[1],\"action\":{}}"),
              "view id null", p -> p.with("view").putNull("id"),
              "team null", p -> p.putNull("team")));
    }
    for (String text :
        List.of(
            "",
            "show",
            "show " + id,
            "show " + id + " share",
            "assign " + id + " <@",
            "export 9999999999d",
            "list \u0000",
            "stats -1d",
            "unassign",
            "digest",
            "x".repeat(3000))) {
      SlackBody command = SlackRequests.slashCommand(Ids.COMMAND).text(text).body();
      statuses.put(
          "command " + text.substring(0, Math.min(text.length(), 30)), post.send(command).status());
      for (String drop : List.of("user_id", "channel_id", "trigger_id", "team_id", "command")) {
        Map<String, String> fields = new LinkedHashMap<>(FormCodec.decodeFirst(command.body()));
        fields.remove(drop);
        statuses.put(
            "command " + text.substring(0, Math.min(text.length(), 30)) + " without " + drop,
            post.send(SlackBody.form(FormCodec.encode(fields))).status());
      }
    }
    SlackBody home = SlackRequests.appHomeOpened(SlackRequests.USER_ID, "Ev0HOME");
    Map<String, Consumer<ObjectNode>> eventMutations = new LinkedHashMap<>();
    eventMutations.put("user null", e -> e.with("event").putNull("user"));
    eventMutations.put("user missing", e -> e.with("event").remove("user"));
    eventMutations.put("user a number", e -> e.with("event").put("user", 42));
    eventMutations.put("tab null", e -> e.with("event").putNull("tab"));
    eventMutations.put("channel null", e -> e.with("event").putNull("channel"));
    eventMutations.put("team null", e -> e.putNull("team_id"));
    eventMutations.put("authorizations null", e -> e.putNull("authorizations"));
    eventMutations.put("event_id null", e -> e.putNull("event_id"));
    eventMutations.put(
        "message with user null", e -> e.with("event").put("type", "message").putNull("user"));
    eventMutations.put(
        "message from a bot", e -> e.with("event").put("type", "message").put("bot_id", "B0OTHER"));
    eventMutations.put("type null", e -> e.with("event").putNull("type"));
    eventMutations.put("event empty", e -> e.putObject("event"));
    eventMutations.put("event null", e -> e.putNull("event"));
    eventMutations.put("event an array", e -> e.putArray("event").add(1));
    for (var m : eventMutations.entrySet()) {
      ObjectNode event = (ObjectNode) mapper.readTree(home.body());
      m.getValue().accept(event);
      statuses.put(
          "app_home_opened " + m.getKey(), post.send(SlackBody.json(event.toString())).status());
    }

    assertThat(statuses).hasSizeGreaterThan(150);
    assertThat(statuses)
        .allSatisfy((what, status) -> assertThat(status).as(what).isBetween(200, 499));
    assertThat(statuses.get("app_home_opened user null")).isBetween(400, 499);
    // The bot still answers a well-formed click after all that.
    assertThat(
            post.send(
                    SlackRequests.blockAction(Ids.REFRESH)
                        .value(id)
                        .user(SlackRequests.USER_ID, "alice")
                        .inMessage(BotDesk.CHANNEL, ts, "https://hooks.slack.com/actions/T/1/x")
                        .body())
                .status())
        .isEqualTo(200);
  }

  private void mutations(
      Map<String, Integer> statuses,
      String name,
      SlackBody form,
      Map<String, Consumer<ObjectNode>> changes)
      throws Exception {
    String payload = FormCodec.decodeFirst(form.body()).get("payload");
    for (var change : changes.entrySet()) {
      ObjectNode tree = (ObjectNode) mapper.readTree(payload);
      change.getValue().accept(tree);
      statuses.put(
          name + " " + change.getKey(),
          post.send(SlackBody.form("payload=" + FormCodec.encodePart(tree.toString()))).status());
    }
  }
}

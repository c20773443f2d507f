package io.disputedesk.sim.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.sim.slack.InputFile;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackUser;
import io.disputedesk.sim.slack.SlackView;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the person in the browser does, turned into the signed requests Slack would send the bot,
 * and the bot's synchronous answers applied the way Slack's client applies them.
 */
final class Interactions {
  private static final Logger log = LoggerFactory.getLogger(Interactions.class);
  static final String COMMAND = "/disputes";

  private final LocalSlack slack;
  private final ConsoleSettings settings;
  private final Payloads payloads;
  private final BotLink bot;
  private final ObjectMapper mapper;
  private final BotAnswers answers;

  Interactions(
      LocalSlack slack,
      ConsoleSettings settings,
      Payloads payloads,
      BotLink bot,
      ObjectMapper mapper) {
    this.slack = slack;
    this.settings = settings;
    this.payloads = payloads;
    this.bot = bot;
    this.mapper = mapper;
    this.answers = new BotAnswers(mapper);
  }

  /** A click or selection on an interactive element of a message or a view. */
  Response action(Request request) throws IOException {
    JsonNode in = mapper.readTree(request.body());
    JsonNode action = in.path("action");
    if (!action.isObject() || action.path("action_id").asText("").isEmpty()) {
      return badRequest("action with an action_id is required");
    }
    JsonNode state = stateOf(in);
    SlackUser user = me();
    Payloads.Container container;
    if ("view".equals(in.path("where").asText())) {
      Optional<SlackView> view = slack.view(in.path("viewId").asText());
      if (view.isEmpty()) {
        return badRequest("no such view");
      }
      container = new Payloads.InView(view.get().json());
    } else {
      String ts = in.path("ts").asText("");
      boolean ephemeral = in.path("ephemeral").asBoolean(false);
      String channel = settings.channelOr(in.path("channel").asText(null));
      SlackMessage message = ephemeral ? null : slack.message(channel, ts).orElse(null);
      if (!ephemeral && message == null) {
        return badRequest("no such message");
      }
      String threadTs = in.hasNonNull("threadTs") ? in.get("threadTs").asText() : null;
      container =
          new Payloads.InMessage(
              channel,
              channelName(channel),
              ts,
              threadTs,
              ephemeral,
              message,
              slack.hooksUrlFor(channel, ts, user.id()));
    }
    String body =
        payloads.blockActions(
            user,
            container,
            ((ObjectNode) action).deepCopy(),
            state,
            slack.issueTrigger(user.id()));
    return answers.answer(
        bot.post(BotLink.FORM, body), "block_actions " + action.path("action_id").asText());
  }

  /**
   * The Submit button of the top modal: sends {@code view_submission} and applies the response
   * action.
   */
  Response submit(Request request) throws IOException {
    JsonNode in = mapper.readTree(request.body());
    SlackUser user = me();
    Optional<SlackView> view = slack.view(in.path("viewId").asText());
    if (view.isEmpty()) {
      return badRequest("no such view");
    }
    BotLink.Reply reply =
        bot.post(
            BotLink.FORM,
            payloads.viewSubmission(
                user, view.get().json(), stateOf(in), slack.issueTrigger(user.id())));
    if (!reply.ok()) {
      return answers.failed(reply, "view_submission " + view.get().callbackId());
    }
    JsonNode body = parseOrEmpty(reply.body());
    ObjectNode out = mapper.createObjectNode().put("ok", true);
    answers
        .slow(reply, "view_submission " + view.get().callbackId())
        .ifPresent(w -> out.put("warning", w));
    try {
      switch (body.path("response_action").asText("")) {
        case "errors" -> out.set("errors", body.path("errors"));
        case "update" -> slack.client().replaceView(view.get().id(), body.path("view"));
        case "push" -> slack.client().pushView(user.id(), body.path("view"));
        case "clear" -> slack.closeViews(user.id());
        default -> slack.client().closeTopView(user.id());
      }
    } catch (IllegalArgumentException e) {
      log.warn(
          "The bot answered a view_submission with a view Slack would reject: {}", e.getMessage());
      return Response.json(
          200,
          mapper
              .createObjectNode()
              .put("ok", false)
              .put("error", "Slack rejected the view the app returned: " + e.getMessage())
              .toString());
    }
    return Response.json(200, out.toString());
  }

  /** The Close button of the top modal. */
  Response close(Request request) throws IOException {
    JsonNode in = mapper.readTree(request.body());
    SlackUser user = me();
    Optional<SlackView> closed = slack.client().closeTopView(user.id());
    closed
        .filter(v -> v.json().path("notify_on_close").asBoolean(false))
        .ifPresent(
            v ->
                answers.answer(
                    bot.post(BotLink.FORM, payloads.viewClosed(user, v.json(), stateOf(in))),
                    "view_closed " + v.callbackId()));
    return answers.ok();
  }

  /** A {@code /disputes …} line typed in the message box. */
  Response command(Request request) throws IOException {
    JsonNode in = mapper.readTree(request.body());
    String text = in.path("text").asText("").strip();
    SlackUser user = me();
    String channel = settings.channelOr(in.path("channel").asText(null));
    String body =
        payloads.slashCommand(
            user,
            channel,
            channelName(channel),
            COMMAND,
            text,
            slack.hooksUrlFor(channel, null, user.id()),
            slack.issueTrigger(user.id()));
    BotLink.Reply reply = bot.post(BotLink.FORM, body);
    if (!reply.ok()) {
      return answers.failed(reply, COMMAND);
    }
    showAcknowledgement(channel, user, reply.body());
    return answers.answer(reply, COMMAND);
  }

  /** The Home tab was opened. */
  Response homeOpened(Request request) {
    SlackUser user = me();
    JsonNode home = slack.homeView(user.id()).map(SlackView::json).orElse(null);
    return answers.answer(
        bot.post(BotLink.JSON, payloads.appHomeOpened(user, home)), "app_home_opened");
  }

  /**
   * A file picked in a modal's {@code file_input}: stored in LocalSlack, described as Slack's state
   * does.
   */
  Response attach(Request request) {
    Map<String, List<String>> query = request.queryParams();
    String name = query.getOrDefault("name", List.of("")).get(0).strip();
    String type = query.getOrDefault("type", List.of("")).get(0).strip();
    if (name.isEmpty() || request.body().length == 0) {
      return badRequest("a file name and content are required");
    }
    InputFile f =
        slack.addInputFile(
            settings.userId(),
            name,
            type.isEmpty() ? "application/octet-stream" : type,
            request.body());
    ObjectNode out = mapper.createObjectNode().put("ok", true);
    out.putObject("file")
        .put("id", f.id())
        .put("name", f.name())
        .put("title", f.name())
        .put("mimetype", f.mimetype())
        .put("filetype", f.filetype())
        .put("size", f.size())
        .put("url_private", f.urlPrivate())
        .put("url_private_download", f.urlPrivateDownload())
        .put("user", f.user());
    return Response.json(200, out.toString());
  }

  /** The Dismiss link of an ephemeral message. */
  Response dismiss(Request request) throws IOException {
    JsonNode in = mapper.readTree(request.body());
    slack.client().dismissEphemeral(settings.userId(), in.path("ts").asText());
    return answers.ok();
  }

  SlackUser me() {
    return slack
        .user(settings.userId())
        .orElseGet(() -> SlackUser.person(settings.userId(), "you", "You"));
  }

  private String channelName(String channel) {
    return slack.channelNames().getOrDefault(channel, channel);
  }

  /** A command's acknowledgement body is shown to the user alone, as Slack does. */
  private void showAcknowledgement(String channel, SlackUser user, String body) {
    if (body == null || body.isBlank()) {
      return;
    }
    JsonNode json = parseOrEmpty(body);
    if (json.isObject() && (json.has("text") || json.has("blocks"))) {
      JsonNode blocks = json.path("blocks").isArray() ? json.get("blocks") : null;
      slack.client().showEphemeral(channel, user.id(), json.path("text").asText(""), blocks);
    } else if (!json.isObject()) {
      slack.client().showEphemeral(channel, user.id(), body, null);
    }
  }

  private JsonNode stateOf(JsonNode in) {
    JsonNode state = in.path("state");
    return state.isObject() ? state : mapper.createObjectNode();
  }

  private JsonNode parseOrEmpty(String body) {
    if (body == null || body.isBlank()) {
      return mapper.createObjectNode();
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return mapper.getNodeFactory().textNode(body);
    }
  }

  private static Response badRequest(String why) {
    return Response.json(400, "{\"ok\":false,\"error\":\"" + why + "\"}");
  }
}

package io.disputedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.SlackView;

/**
 * What Slack's own client does with a form beyond sending it: applies the bot's answer to a
 * submission (errors stay on the form, {@code update} replaces the view, an empty answer closes
 * it), and shows the person the form as the bot later redraws it.
 */
public final class SlackClient {
  private final DeskDriver desk;

  public SlackClient(DeskDriver desk) {
    this.desk = desk;
  }

  /**
   * Submits the open form as Slack's client does: posts the view_submission, then applies the
   * answer.
   */
  public SignedPost.Reply submit(SlackView view, String user, StateValues state) {
    SlackView current = desk.slack.view(view.id()).orElseThrow();
    SignedPost.Reply reply = desk.submit(current, user, state);
    if (reply.status() == 200) {
      JsonNode body =
          reply.body().isEmpty() ? desk.mapper.createObjectNode() : desk.json(reply.body());
      switch (body.path("response_action").asText("")) {
        case "errors" -> {}
        case "update" -> desk.slack.client().replaceView(view.id(), body.path("view"));
        case "clear" -> desk.slack.closeViews(user);
        default -> desk.slack.client().closeTopView(user);
      }
    }
    return reply;
  }

  /** Waits until the view (by id) shows {@code text} and returns it. */
  public SlackView awaitView(String viewId, String text) {
    Await.until(
        "view " + viewId + " shows '" + text + "'",
        () -> desk.slack.view(viewId).map(v -> v.blocks().toString().contains(text)).orElse(false));
    return desk.slack.view(viewId).orElseThrow();
  }
}

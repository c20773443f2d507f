package io.disputedesk.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.sim.slack.InputFile;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a person does in Slack, sent to the bot as Slack sends it (signed): clicks on a card or in
 * its thread, each with a fresh trigger id; the modal a click opens; choices and submissions in it;
 * the files attached to it. {@link DeskDriver} hands these on.
 */
public final class SlackGestures {
  private final LocalSlack slack;
  private final ObjectMapper mapper;
  private final Supplier<SignedPost> post;
  private final Function<String, String> cardTs;
  private final String channel;
  private final AtomicLong clicks = new AtomicLong();

  /**
   * Gestures in {@code channel}; {@code post} is the running bot's door (a restart brings a new
   * one), {@code cardTs} finds a dispute's card.
   */
  SlackGestures(
      LocalSlack slack,
      ObjectMapper mapper,
      Supplier<SignedPost> post,
      Function<String, String> cardTs,
      String channel) {
    this.slack = slack;
    this.mapper = mapper;
    this.post = post;
    this.cardTs = cardTs;
    this.channel = channel;
  }

  /** A signed click by {@code user} on a button of the dispute's card, with a fresh trigger id. */
  public SignedPost.Reply click(String actionId, String disputeId, String user) {
    return send(clickBody(actionId, disputeId, user).body());
  }

  public SlackRequests.BlockAction clickBody(String actionId, String disputeId, String user) {
    return clickOn(actionId, disputeId, user, cardTs.apply(disputeId), slack.issueTrigger(user));
  }

  /**
   * A click by {@code user} on a button carrying {@code value} on the thread message {@code ts}.
   */
  public SignedPost.Reply clickInThread(String buttonId, String value, String user, String ts) {
    return send(clickOn(buttonId, value, user, ts, slack.issueTrigger(user)).body());
  }

  public SignedPost.Reply send(SlackBody body) {
    return post.get().send(body);
  }

  private SlackRequests.BlockAction clickOn(
      String actionId, String value, String user, String messageTs, String triggerId) {
    return SlackRequests.blockAction(actionId)
        .value(value)
        .user(user, People.nameOf(user))
        .triggerId(triggerId)
        .actionTs("1732700042." + String.format("%06d", clicks.incrementAndGet()))
        .inMessage(channel, messageTs, slack.hooksUrlFor(channel, messageTs, user));
  }

  // ---- modals ----

  /** Clicks the button and returns the modal it opened (clicking again if Slack refused). */
  public SlackView open(String actionId, String disputeId, String user) {
    SlackView view = clickUntilOpen(actionId, disputeId, user);
    slack.closeViews(user);
    return view;
  }

  /** As {@link #open}, with the modal left open as a person keeps it. */
  public SlackView openForm(String actionId, String disputeId, String user) {
    slack.closeViews(user);
    return clickUntilOpen(actionId, disputeId, user);
  }

  /**
   * Clicks the button carrying {@code value} on the thread message {@code ts} (a draft's "Edit
   * draft") and returns the modal it opened, left open (clicking again if Slack refused).
   */
  public SlackView openInThread(String buttonId, String value, String user, String ts) {
    slack.closeViews(user);
    return ModalClicks.clickUntilOpen(
        slack,
        user,
        buttonId,
        Await.DEFAULT,
        trigger -> send(clickOn(buttonId, value, user, ts, trigger).body()));
  }

  /**
   * Picks {@code choice} in the card's overflow menu and returns the modal it opened, left open
   * (picking again if Slack refused).
   */
  public SlackView openFromOverflow(String choice, String disputeId, String user) {
    slack.closeViews(user);
    String ts = cardTs.apply(disputeId);
    return ModalClicks.clickUntilOpen(
        slack,
        user,
        choice,
        Await.DEFAULT,
        trigger ->
            send(
                clickOn(Ids.MORE_ACTIONS, disputeId, user, ts, trigger)
                    .overflowChoice(choice)
                    .body()));
  }

  /** Clicks the card's button until Slack opens its modal ({@link ModalClicks}). */
  private SlackView clickUntilOpen(String actionId, String disputeId, String user) {
    String ts = cardTs.apply(disputeId);
    return ModalClicks.clickUntilOpen(
        slack,
        user,
        actionId,
        Await.DEFAULT,
        trigger -> send(clickOn(actionId, disputeId, user, ts, trigger).body()));
  }

  /**
   * Picks {@code value} in the open form's menu {@code block}, as a person does: Slack sends the
   * choice (the menu dispatches it) and the bot redraws the form. Returns the redrawn form.
   */
  public SlackView choose(
      SlackView view, String user, String block, String value, StateValues typed) {
    StateValues state = typed.staticSelect(block, block, value, value);
    String before = slack.view(view.id()).orElseThrow().hash();
    SignedPost.Reply reply =
        send(
            SlackRequests.blockAction(block)
                .blockId(block)
                .selectedOption(value, value)
                .user(user, People.nameOf(user))
                .triggerId(slack.issueTrigger(user))
                .inView(view.id(), "modal", view.callbackId(), view.privateMetadata())
                .viewHash(before)
                .state(state)
                .body());
    if (reply.status() != 200 || !reply.body().isEmpty()) {
      throw new AssertionError("the choice answered " + reply.status() + ": " + reply.body());
    }
    Await.until(
        "the form is redrawn for " + value,
        () -> !slack.view(view.id()).orElseThrow().hash().equals(before));
    return slack.view(view.id()).orElseThrow();
  }

  /**
   * Opens the form, picks {@code value} in its menu {@code block}, and returns the redrawn form,
   * closed again.
   */
  public SlackView openWith(
      String actionId, String disputeId, String user, String block, String value) {
    SlackView redrawn =
        choose(openForm(actionId, disputeId, user), user, block, value, new StateValues());
    slack.closeViews(user);
    return redrawn;
  }

  // ---- submissions ----

  public SignedPost.Reply submit(SlackView view, String user, StateValues state) {
    return send(submission(view, user, state).body());
  }

  public ViewSubmission submission(SlackView view, String user, StateValues state) {
    return SlackRequests.viewSubmission(view.callbackId())
        .viewId(view.id())
        .privateMetadata(view.privateMetadata())
        .blocks(view.blocks())
        .user(user, People.nameOf(user))
        .state(state);
  }

  /** A file {@code user} attached in a modal, as its state describes it. */
  public ObjectNode attached(String user, String name, String mimetype, byte[] content) {
    InputFile f = slack.addInputFile(user, name, mimetype, content);
    return fileJson(f.id(), f.name(), f.mimetype(), f.filetype(), f.size(), f.urlPrivateDownload());
  }

  public ObjectNode fileJson(
      String id, String name, String mimetype, String filetype, long size, String url) {
    return mapper
        .createObjectNode()
        .put("id", id)
        .put("name", name)
        .put("title", name)
        .put("mimetype", mimetype)
        .put("filetype", filetype)
        .put("size", size)
        .put("url_private", url)
        .put("url_private_download", url);
  }
}

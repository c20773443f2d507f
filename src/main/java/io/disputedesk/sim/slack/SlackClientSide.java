package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * What a Slack client does on its own, without the bot: it closes, replaces and pushes modals after
 * a submission, shows and dismisses ephemerals, and waits for changes to redraw (the demo console).
 */
public final class SlackClientSide {
  private final MessageStore messages;
  private final ViewStore views;
  private final ChangeFeed changes;

  SlackClientSide(MessageStore messages, ViewStore views, ChangeFeed changes) {
    this.messages = messages;
    this.views = views;
    this.changes = changes;
  }

  /**
   * Closes the user's top modal, as a plain acknowledgement of a submission or the Close button
   * does.
   */
  public Optional<SlackView> closeTopView(String userId) {
    return views.closeTop(userId);
  }

  /**
   * Replaces a modal with the view of a submission's {@code response_action: update}; throws {@link
   * IllegalArgumentException} naming Slack's error when the view is not acceptable.
   */
  public SlackView replaceView(String viewId, JsonNode view) {
    try {
      return views.update(viewId, null, null, view);
    } catch (MethodError e) {
      throw rejected(e);
    }
  }

  /** Pushes the view of a submission's {@code response_action: push} onto the user's modals. */
  public SlackView pushView(String userId, JsonNode view) {
    try {
      return views.pushFromSubmission(userId, view);
    } catch (MethodError e) {
      throw rejected(e);
    }
  }

  /**
   * Shows a message to one user only, as Slack does with a slash command's acknowledgement body.
   */
  public Ephemeral showEphemeral(String channel, String userId, String text, JsonNode blocks) {
    return messages.postEphemeral(
        channel, userId, null, new MessageStore.Draft(text, blocks, null));
  }

  /** Removes an ephemeral message, as its "Dismiss" link does. */
  public boolean dismissEphemeral(String userId, String ts) {
    return messages.deleteEphemeral(userId, ts);
  }

  /** A number that grows with every change to messages, ephemerals, views or the directory. */
  public long version() {
    return changes.version();
  }

  /** Waits up to {@code max} for a change after version {@code seen}; returns the version then. */
  public long awaitChange(long seen, Duration max) throws InterruptedException {
    return changes.awaitAfter(seen, max);
  }

  /**
   * How many {@link #awaitChange} calls are waiting now (a test's sign that a long poll is parked).
   */
  public int waitingForChange() {
    return changes.waiting();
  }

  private static IllegalArgumentException rejected(MethodError e) {
    String detail = e.messages().isEmpty() ? "" : ": " + String.join("; ", e.messages());
    return new IllegalArgumentException(e.error() + detail);
  }
}

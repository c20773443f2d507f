package io.disputedesk.testing;

import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A click that opens a modal, clicked again when Slack refused to open it. The bot calls {@code
 * views.open} before it answers the click, and Slack takes a trigger id for three seconds only: on
 * a loaded machine (the first click on a fresh bot most of all) the call can come later, and then
 * the bot tells the person that Slack did not open the form and to click again. So a click is
 * answered either with the modal open or with that note on its way; on the note this clicks again
 * with a fresh trigger id, as the person would.
 */
public final class ModalClicks {
  /** How often a click is tried while Slack refuses to open the form. */
  public static final int CLICKS = 3;

  /** The start of the bot's notes that Slack did not open a form (or a draft). */
  private static final String NOT_OPENED = "Slack did not open the";

  private ModalClicks() {}

  /**
   * Clicks ({@code click} sends a click carrying the trigger id it is given) until {@code user} has
   * a modal open, and returns the top one, left open; fails after {@link #CLICKS} refused clicks or
   * when neither the modal nor the bot's note comes within {@code wait}.
   */
  public static SlackView clickUntilOpen(
      LocalSlack slack,
      String user,
      String what,
      Duration wait,
      Function<String, SignedPost.Reply> click) {
    List<String> refused = new ArrayList<>();
    for (int n = 1; n <= CLICKS; n++) {
      int notesBefore = notOpened(slack, user).size();
      String trigger = slack.issueTrigger(user);
      SignedPost.Reply reply = click.apply(trigger);
      if (reply.status() != 200) {
        throw new AssertionError("click answered " + reply.status() + ": " + reply.body());
      }
      Await.until(
          "a modal opens for " + user + ", or the note that Slack did not open it",
          () -> !slack.openViews(user).isEmpty() || notOpened(slack, user).size() > notesBefore,
          wait);
      List<SlackView> stack = slack.openViews(user);
      if (!stack.isEmpty()) {
        return stack.get(stack.size() - 1);
      }
      String note = notOpened(slack, user).get(notesBefore);
      refused.add(note + " (views.open " + triggerAge(slack, trigger) + " after the click)");
      System.out.println("Click " + n + " on " + what + ": " + refused.get(refused.size() - 1));
    }
    throw new AssertionError("Slack opened no modal in " + CLICKS + " clicks: " + refused);
  }

  /** The bot's notes to {@code user} that Slack did not open a form, oldest first. */
  private static List<String> notOpened(LocalSlack slack, String user) {
    return slack.ephemerals(user).stream()
        .map(e -> e.text())
        .filter(t -> t.startsWith(NOT_OPENED))
        .toList();
  }

  /**
   * How long after the trigger id was issued the bot's {@code views.open} with it reached Slack.
   */
  private static String triggerAge(LocalSlack slack, String trigger) {
    long issued = Long.parseLong(trigger.substring(0, trigger.indexOf('.')));
    return slack.calls("views.open").stream()
        .filter(c -> trigger.equals(c.param("trigger_id")))
        .findFirst()
        .map(c -> (c.at().toEpochMilli() - issued) + " ms")
        .orElse("never called");
  }
}

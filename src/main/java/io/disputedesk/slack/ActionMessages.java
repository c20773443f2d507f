package io.disputedesk.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import io.disputedesk.actions.ActionSubject;
import java.time.Duration;
import java.util.List;

/**
 * Builds the thread replies about actions on a dispute: results, unclear outcomes, rejections and
 * assignments (approval requests: {@link ApprovalMessages}). Names and notes are plain values; the
 * user's words are escaped.
 */
public final class ActionMessages {
  private final Gson gson = GsonFactory.createSnakeCase();

  /** The person who asked, or the rule and its owner. */
  static String asker(ActionSubject s) {
    return s.rule() == null
        ? "<@" + s.requestedBy() + ">"
        : "rule *" + escape(s.rule()) + "* (owner <@" + s.requestedBy() + ">)";
  }

  private static String line(ActionSubject s) {
    String by =
        asker(s) + (s.approvedBy() == null ? "" : " (approved by <@" + s.approvedBy() + ">)");
    return "*" + s.title() + "* by " + by + ": " + escape(s.details());
  }

  /**
   * A report on the action in its thread: {@code emoji}, the action's line as a sentence, then
   * {@code outcome}.
   */
  private static String report(String emoji, ActionSubject s, String outcome) {
    return emoji + " " + Mrkdwn.endSentence(line(s)) + " " + outcome;
  }

  public SlackPost succeeded(ActionSubject s, boolean moneyDelayed, String debugId) {
    String text =
        report(
            ":white_check_mark:",
            s,
            "PayPal accepted it" + (moneyDelayed ? "; the money moves a little later." : "."));
    return withDebugId(text, debugId);
  }

  /**
   * PayPal refused: {@code error} is PayPal's reason in plain words, already ending with its debug
   * id.
   */
  public SlackPost failed(ActionSubject s, String error) {
    return SlackPost.text(
        report(":x:", s, "It did not go through: " + escape(error) + " Nothing was changed."));
  }

  public SlackPost outcomeUnclear(ActionSubject s, Duration recheckIn) {
    return SlackPost.text(
        report(
            ":warning:",
            s,
            "PayPal did not answer in time and the dispute does not show the change yet. I'll check"
                + " again in "
                + minutes(recheckIn)
                + "; please don't retry until then."));
  }

  public SlackPost confirmedLater(ActionSubject s, String evidence) {
    return SlackPost.text(
        report(
            ":white_check_mark:",
            s,
            "PayPal's answer was lost, but it went through: "
                + Mrkdwn.endSentence(escape(evidence))));
  }

  /**
   * PayPal's answer was lost and the dispute shows it did not happen ({@code why}); {@code
   * canRetry} when PayPal still offers the action.
   */
  public SlackPost notDone(ActionSubject s, String why, boolean canRetry) {
    return SlackPost.text(
        report(
            ":x:",
            s,
            "It did not go through: PayPal's answer was lost and "
                + escape(why)
                + "."
                + (canRetry ? " It is safe to try again." : "")));
  }

  /**
   * PayPal's answer was lost and the dispute shows neither the effect nor its absence ({@code
   * why}); the action stays open until someone who checked PayPal says what happened (its buttons).
   */
  public SlackPost unproven(long actionId, ActionSubject s, String why) {
    return withCheckedButtons(
        actionId,
        report(
            ":warning:",
            s,
            "PayPal's answer was lost and I can't tell whether it went through: "
                + escape(why)
                + ". Check the dispute in PayPal before doing it again; I sent nothing more."));
  }

  /**
   * The dispute could not be read to settle the action; as {@link #unproven}, with the same
   * buttons.
   */
  public SlackPost stillUnclear(long actionId, ActionSubject s) {
    return withCheckedButtons(
        actionId,
        report(
            ":warning:",
            s,
            "I could not reach PayPal to confirm whether it went through. Check the dispute in"
                + " PayPal before trying again."));
  }

  /** Someone checked PayPal and said whether the action happened. */
  public SlackPost settledByHand(ActionSubject s, String by, boolean happened) {
    return SlackPost.text(
        happened
            ? report(":white_check_mark:", s, "<@" + by + "> checked in PayPal: it went through.")
            : report(
                ":x:",
                s,
                "<@" + by + "> checked in PayPal: it did not go through. It can be tried again."));
  }

  /** Replaces an unproven report once someone settled it, so its buttons go away. */
  public SlackPost checkedInPayPal(String originalText, String by, boolean happened) {
    return SlackPost.text(
        originalText
            + "\n"
            + (happened
                ? ":heavy_check_mark: <@" + by + "> checked in PayPal: it happened."
                : ":heavy_check_mark: <@" + by + "> checked in PayPal: it did not happen."));
  }

  /**
   * The report with "Checked in PayPal?" and two buttons carrying the action id, each with a
   * confirmation.
   */
  private SlackPost withCheckedButtons(long actionId, String text) {
    String value = Long.toString(actionId);
    List<LayoutBlock> blocks =
        List.of(
            section(b -> b.blockId("unproven_" + value).text(markdownText(text))),
            context(
                b ->
                    b.blockId("checked_q_" + value)
                        .elements(
                            List.of(
                                markdownText(
                                    "*Checked in PayPal?* Say what you found; nothing is sent to PayPal.")))),
            actions(
                b ->
                    b.blockId("checked_" + value)
                        .elements(
                            List.of(
                                checkedButton(
                                    Ids.CHECKED_HAPPENED,
                                    value,
                                    "It happened",
                                    "It happened in PayPal?",
                                    "The action is recorded as done, as PayPal shows it. Nothing is"
                                        + " sent to PayPal."),
                                checkedButton(
                                    Ids.CHECKED_NOT_HAPPENED,
                                    value,
                                    "It did not happen",
                                    "It did not happen in PayPal?",
                                    "The action is recorded as not done, so it can be tried again."
                                        + " Nothing is sent to PayPal.")))));
    return new SlackPost(text, gson.toJson(blocks));
  }

  /** One answer to "Checked in PayPal?", confirmed with {@code question} and {@code text}. */
  private static ButtonElement checkedButton(
      String actionId, String value, String label, String question, String text) {
    return button(
        e ->
            e.actionId(actionId)
                .value(value)
                .text(plainText(label))
                .confirm(
                    ConfirmationDialogObject.builder()
                        .title(plainText(question))
                        .text(plainText(text))
                        .confirm(plainText(label))
                        .deny(plainText("Cancel"))
                        .build()));
  }

  public SlackPost rejected(ActionSubject s, String decidedBy) {
    return SlackPost.text(
        report(
            ":no_entry_sign:",
            s,
            (decidedBy.equals(s.requestedBy()) ? "Withdrawn" : "Rejected")
                + " by <@"
                + decidedBy
                + ">. Nothing was sent to PayPal."));
  }

  public SlackPost cancelled(ActionSubject s, String reason) {
    return SlackPost.text(
        report(
            ":no_entry_sign:", s, "Cancelled: " + escape(reason) + " Nothing was sent to PayPal."));
  }

  public SlackPost assigned(String owner, String by, String previousOwner) {
    String who =
        owner.equals(by)
            ? "<@" + by + "> took this dispute"
            : "<@" + by + "> assigned this dispute to <@" + owner + ">";
    return SlackPost.text(
        ":bust_in_silhouette: "
            + who
            + (previousOwner == null || previousOwner.equals(owner)
                ? "."
                : " (was <@" + previousOwner + ">)."));
  }

  public SlackPost unassigned(String previousOwner, String by) {
    return SlackPost.text(
        ":bust_in_silhouette: <@"
            + by
            + "> unassigned this dispute"
            + (previousOwner == null ? "." : " from <@" + previousOwner + ">."));
  }

  private SlackPost withDebugId(String text, String debugId) {
    if (debugId == null) {
      return SlackPost.text(text);
    }
    List<LayoutBlock> blocks =
        List.of(
            section(b -> b.text(markdownText(text))),
            context(List.of(markdownText("PayPal debug id `" + escape(debugId) + "`"))));
    return new SlackPost(text + " (PayPal debug id " + escape(debugId) + ")", gson.toJson(blocks));
  }

  private static String minutes(Duration d) {
    long m = Math.max(1, (d.toSeconds() + 59) / 60);
    return m == 1 ? "a minute" : m + " minutes";
  }

  /** Slack mrkdwn control characters in text we did not write. */
  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

package io.disputedesk.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.util.json.GsonFactory;
import io.disputedesk.actions.ActionSubject;
import java.util.List;

/**
 * Builds the thread messages of a request held for a second approver: the request with its Approve
 * and Reject buttons, and the same text once decided, without them.
 */
public final class ApprovalMessages {
  private final Gson gson = GsonFactory.createSnakeCase();

  /**
   * The request for a second approver, with Approve and Reject buttons carrying the action id;
   * {@code why} says why it waits ("That is above the approval threshold of 500.00 USD").
   */
  public SlackPost approvalRequest(long actionId, ActionSubject s, String consequence, String why) {
    String text =
        ":lock: "
            + ActionMessages.asker(s)
            + " asks to *"
            + s.title()
            + "*: "
            + Mrkdwn.endSentence(ActionMessages.escape(s.details()))
            + " "
            + why
            + ", so another approver must approve it.";
    String value = Long.toString(actionId);
    List<LayoutBlock> blocks =
        List.of(
            section(b -> b.blockId("approval_" + value).text(markdownText(text))),
            actions(
                b ->
                    b.blockId("approval_actions_" + value)
                        .elements(
                            List.of(
                                button(
                                    e ->
                                        e.actionId(Ids.APPROVE)
                                            .value(value)
                                            .style("primary")
                                            .text(plainText("Approve"))
                                            .confirm(approveDialog(consequence))),
                                button(
                                    e ->
                                        e.actionId(Ids.REJECT)
                                            .value(value)
                                            .style("danger")
                                            .text(plainText("Reject")))))));
    return new SlackPost(text, gson.toJson(blocks));
  }

  /** How a held request ended, for the request message that loses its buttons. */
  public enum Decision {
    APPROVED,
    REJECTED,
    CANCELLED,
    CHANGED
  }

  /**
   * Replaces an approval request once decided, so its buttons go away: the request's own text
   * ({@code originalText}, already escaped when posted) and who decided what.
   */
  public SlackPost approvalDecided(
      String originalText, String requestedBy, String decidedBy, Decision decision) {
    String verdict =
        switch (decision) {
          case APPROVED ->
              ":heavy_check_mark: Approved by <@"
                  + decidedBy
                  + ">; the result follows in this thread.";
          case REJECTED ->
              decidedBy.equals(requestedBy)
                  ? ":no_entry_sign: Withdrawn by <@" + decidedBy + ">."
                  : ":no_entry_sign: Rejected by <@" + decidedBy + ">. Nothing was sent to PayPal.";
          case CANCELLED ->
              ":no_entry_sign: Cancelled: PayPal no longer offers this action. Nothing was sent to PayPal.";
          case CHANGED ->
              ":no_entry_sign: Cancelled: the dispute's amounts or stage changed since it was requested."
                  + " Nothing was sent to PayPal.";
        };
    return SlackPost.text(originalText + "\n" + verdict);
  }

  /**
   * States the consequence and the amount before money moves (Slack: title 100, text 300, buttons
   * 30).
   */
  private static ConfirmationDialogObject approveDialog(String consequence) {
    return ConfirmationDialogObject.builder()
        .title(plainText("Approve and send to PayPal?"))
        .text(
            plainText(
                consequence.length() <= 300 ? consequence : consequence.substring(0, 299) + "…"))
        .confirm(plainText("Approve"))
        .deny(plainText("Cancel"))
        .style("primary")
        .build();
  }
}

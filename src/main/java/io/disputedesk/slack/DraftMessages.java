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
import io.disputedesk.drafts.EvidenceDraft;
import java.util.List;
import java.util.Locale;

/**
 * The thread messages of evidence drafts: the draft with Edit draft and Submit to PayPal, and what
 * became of it.
 */
public final class DraftMessages {
  private final Gson gson = GsonFactory.createSnakeCase();

  /** "1 evidence draft not sent yet", "3 evidence drafts not sent yet". */
  public static String notSent(int count) {
    return count + (count == 1 ? " evidence draft" : " evidence drafts") + " not sent yet";
  }

  /**
   * The draft as saved (or edited), with who wrote it; {@code summary} is already escaped for
   * Slack.
   */
  public SlackPost draft(EvidenceDraft d) {
    String text =
        ":memo: *Evidence draft* by " + who(d) + " (not sent to PayPal yet): " + d.summary();
    String value = Long.toString(d.id());
    List<LayoutBlock> blocks =
        List.of(
            section(
                b ->
                    b.blockId("draft_" + value + "_" + d.updatedAt().toEpochMilli())
                        .text(markdownText(text))),
            actions(
                b ->
                    b.blockId("draft_actions_" + value + "_" + d.updatedAt().toEpochMilli())
                        .elements(
                            List.of(
                                button(
                                    e ->
                                        e.actionId(Ids.EDIT_DRAFT)
                                            .value(value)
                                            .text(plainText("Edit draft"))),
                                button(
                                    e ->
                                        e.actionId(Ids.SUBMIT_DRAFT)
                                            .value(value)
                                            .style("primary")
                                            .text(plainText("Submit to PayPal"))
                                            .confirm(
                                                ConfirmationDialogObject.builder()
                                                    .title(plainText("Submit the draft to PayPal?"))
                                                    .text(
                                                        plainText(
                                                            "The evidence goes to PayPal as the draft has it, once."))
                                                    .confirm(plainText("Submit"))
                                                    .deny(plainText("Cancel"))
                                                    .build()))))));
    return new SlackPost(text, gson.toJson(blocks));
  }

  /**
   * What each thread message of a draft that left the draft status says instead, without buttons:
   * sent to PayPal (and by whom), or not sent because the dispute moved on; the summary is the
   * draft's last.
   */
  public SlackPost settled(EvidenceDraft d) {
    String what =
        switch (d.status()) {
          case SENT -> "sent to PayPal" + (d.sentBy() == null ? "" : " by <@" + d.sentBy() + ">");
          case OVERTAKEN -> "not sent: the dispute moved on before it was submitted";
          case DRAFT, SENDING -> throw new IllegalArgumentException("not settled yet: " + d);
        };
    String text =
        ":memo: *Evidence draft* by " + who(d) + " — " + what + ". It read: " + d.summary();
    List<LayoutBlock> blocks =
        List.of(
            section(
                b ->
                    b.blockId("draft_" + d.id() + "_" + d.status().name().toLowerCase(Locale.ROOT))
                        .text(markdownText(text))));
    return new SlackPost(text, gson.toJson(blocks));
  }

  private static String who(EvidenceDraft d) {
    return d.author().equals(d.updatedBy())
        ? "<@" + d.author() + ">"
        : "<@" + d.author() + ">, edited by <@" + d.updatedBy() + ">";
  }

  /** Said in the thread when the dispute moved on before the draft was sent. */
  public SlackPost overtaken(EvidenceDraft d, String clickedBy) {
    return SlackPost.text(
        ":fast_forward: The evidence draft by <@"
            + d.author()
            + "> was not sent: PayPal no longer"
            + " takes evidence on this dispute (it moved on). <@"
            + clickedBy
            + "> tried to submit it.");
  }
}

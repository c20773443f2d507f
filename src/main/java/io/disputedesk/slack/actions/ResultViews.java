package io.disputedesk.slack.actions;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.Mrkdwn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The views a submitted action form turns into while PayPal answers, in the same modal: "Sending to
 * PayPal…", then the outcome, or the form again with PayPal's refusal under the field it is about.
 * Each keeps the form's callback id and private metadata; none has a submit button.
 */
final class ResultViews {
  static final String ERROR_BLOCK = "dd_paypal_error";
  static final String BANNER_BLOCK = "dd_paypal_refused";

  private ResultViews() {}

  /**
   * What to show: a mrkdwn line (already escaped where it quotes the person or PayPal) and PayPal's
   * debug id.
   */
  record Shown(String text, String debugId) {
    /** The same words as one plain message, for an ephemeral note when the form is gone. */
    String asNote() {
      return debugId == null || text.contains(debugId)
          ? text
          : text + " (PayPal debug id " + debugId + ")";
    }
  }

  /**
   * Shown while the request is on its way to PayPal; {@code what} is plain words (escaped here).
   */
  static View progress(View form, Dispute d, String what) {
    return frame(
        form,
        List.of(
            ModalParts.summary(d),
            section(
                s ->
                    s.text(
                        markdownText(
                            ":hourglass_flowing_sand: *Sending to PayPal…*\n"
                                + Mrkdwn.escape(what)))),
            context(
                List.of(
                    markdownText(
                        "PayPal's answer appears here; the card's thread records it too.")))));
  }

  /** The outcome in place of the form. */
  static View outcome(View form, Dispute d, Shown shown) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (d != null) {
      blocks.add(ModalParts.summary(d));
    }
    blocks.add(section(s -> s.text(markdownText(shown.text()))));
    if (shown.debugId() != null && !shown.text().contains(shown.debugId())) {
      blocks.add(
          context(
              List.of(markdownText("PayPal debug id `" + Mrkdwn.escape(shown.debugId()) + "`"))));
    }
    return frame(form, blocks);
  }

  /**
   * The form again (as {@code redrawn}, holding the person's values), told at the top that PayPal
   * refused it and with {@code error} (mrkdwn) right under the input {@code block}.
   */
  static View withError(View redrawn, String block, String error, boolean filesDropped) {
    List<LayoutBlock> blocks = new ArrayList<>();
    String banner =
        ":x: *PayPal did not accept this; nothing was changed.* Correct the field marked :warning:"
            + " and send it again."
            + (filesDropped ? " Attach the files again." : "");
    boolean bannerAdded = false;
    for (LayoutBlock b : redrawn.getBlocks()) {
      blocks.add(b);
      if (!bannerAdded) {
        blocks.add(context(c -> c.blockId(BANNER_BLOCK).elements(List.of(markdownText(banner)))));
        bannerAdded = true;
      }
      if (b instanceof InputBlock input && block.equals(input.getBlockId())) {
        blocks.add(
            context(
                c -> c.blockId(ERROR_BLOCK).elements(List.of(markdownText(":warning: " + error)))));
      }
    }
    redrawn.setBlocks(blocks);
    return redrawn;
  }

  /** The input block ids of a view. */
  static Set<String> inputs(View v) {
    return Optional.ofNullable(v.getBlocks()).orElse(List.of()).stream()
        .filter(b -> b instanceof InputBlock)
        .map(b -> ((InputBlock) b).getBlockId())
        .collect(Collectors.toSet());
  }

  private static View frame(View form, List<LayoutBlock> blocks) {
    String title = form.getTitle() == null ? "Dispute action" : form.getTitle().getText();
    return view(
        v ->
            v.type("modal")
                .callbackId(form.getCallbackId())
                .privateMetadata(form.getPrivateMetadata())
                .title(
                    viewTitle(
                        t ->
                            t.type("plain_text")
                                .text(ModalParts.clip(title, ModalParts.TITLE_MAX))))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(blocks));
  }
}

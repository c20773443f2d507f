package io.disputedesk.slack.actions;

import com.slack.api.model.view.View;
import io.disputedesk.paypal.Dispute;
import java.util.List;
import java.util.function.Function;

/**
 * One action's modal and how its submitted form becomes a PayPal request, in one class per action
 * so that the inputs it draws and the inputs it reads sit side by side. Its {@link CardAction}
 * entry holds it; the handlers reach it only through that entry.
 */
interface ActionForm {
  /**
   * Draws the modal from the dispute, its private metadata, the inputs so far (empty on first
   * opening) and what fills it besides the dispute.
   */
  View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known);

  /** The request the submitted inputs make, or the errors to show on each input. */
  FormResult read(FormReader form, Dispute dispute);

  /**
   * The block ids of the menus whose choice redraws the form with the inputs PayPal needs for it
   * (offer type, way of accepting, kind of evidence); none for a form that never redraws.
   */
  default List<String> menus() {
    return List.of();
  }

  /**
   * What fills the form besides the dispute, from {@code known}, what the bot knows of a dispute's
   * order ({@code draft}: the form edits a saved draft); nothing unless the form says.
   */
  default EvidencePrefill prefill(
      Function<String, EvidencePrefill> known, String disputeId, boolean draft) {
    return EvidencePrefill.NONE;
  }
}

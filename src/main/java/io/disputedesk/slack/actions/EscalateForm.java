package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.RequestForms.build;

import com.slack.api.model.view.View;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Escalate to claim: why PayPal should decide. */
final class EscalateForm implements ActionForm {
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return modal(
        CardAction.ESCALATE,
        "Escalate",
        metadata,
        List.of(
            summary(d),
            note(
                ":scales: The inquiry becomes a claim and PayPal decides, usually within 10 days."),
            noteInput(
                NOTE,
                "Why PayPal should decide",
                "PayPal reads this.",
                false,
                values.typed(NOTE))));
  }

  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Optional<String> note = form.longText(NOTE);
    String error = Checks.note(note, true, "why PayPal should decide (PayPal reads this)");
    if (error != null) {
      return new FormResult.Invalid(Map.of(NOTE, error));
    }
    return build(NOTE, () -> new ActionRequest.Escalate(note.get()), List.of());
  }
}

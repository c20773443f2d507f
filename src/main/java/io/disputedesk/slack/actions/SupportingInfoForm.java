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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provide supporting info: what helps PayPal decide a case it is reviewing. */
final class SupportingInfoForm implements ActionForm {
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return modal(
        CardAction.PROVIDE_SUPPORTING_INFO,
        "Send to PayPal",
        metadata,
        List.of(
            summary(d),
            note(":mag: PayPal is reviewing this case; add what helps it decide."),
            noteInput(
                NOTE,
                "Information for PayPal",
                "PayPal's reviewers read this.",
                false,
                values.typed(NOTE))));
  }

  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> notes = RequestForms.note(form, errors, true, "the information for PayPal");
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(NOTE, () -> new ActionRequest.ProvideSupportingInfo(notes.get()), List.of());
  }
}

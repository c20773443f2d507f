package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.EMAIL;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;
import static io.disputedesk.slack.actions.RequestForms.build;

import com.slack.api.model.view.View;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contact details: the email address the buyer can write to, and an optional note. */
final class ContactDetailsForm implements ActionForm {
  /** The seller's contact details for the buyer, pre-filled with what PayPal has now. */
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    Dispute.CommunicationDetails now = d.communicationDetails();
    return modal(
        CardAction.UPDATE_CONTACT_DETAILS.viewId(),
        "Contact details",
        "Save",
        metadata,
        List.of(
            summary(d),
            note(
                ":envelope: PayPal shows the buyer where to reach you and send their evidence; the note is seen by"
                    + " the buyer and PayPal."),
            textInput(
                EMAIL,
                "Email address",
                "For example disputes@yourshop.example.",
                false,
                false,
                now == null ? null : now.email()),
            textInput(
                NOTE,
                "Note",
                "Optional. 2,000 characters at most.",
                true,
                true,
                now == null ? null : now.note())));
  }

  /** The seller's contact details for the buyer: an email address, and an optional note. */
  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> email = form.text(EMAIL);
    if (email.isEmpty()) {
      errors.put(EMAIL, "Give the email address the buyer can write to.");
    } else if (!Checks.email(email.get())) {
      errors.put(EMAIL, "That is not an email address, e.g. disputes@yourshop.example.");
    }
    Optional<String> note = RequestForms.note(form, errors, false, "a note");
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(
        EMAIL,
        () -> new ActionRequest.UpdateContactDetails(email.get(), note.orElse(null)),
        List.of());
  }
}

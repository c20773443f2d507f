package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.FILES;
import static io.disputedesk.slack.actions.ModalFields.MESSAGE;
import static io.disputedesk.slack.actions.ModalParts.filesInput;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.RequestForms.build;
import static io.disputedesk.slack.actions.RequestForms.put;

import com.slack.api.model.File;
import com.slack.api.model.view.View;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Send message: a message the buyer sees, and an attachment. */
final class SendMessageForm implements ActionForm {
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return modal(
        CardAction.SEND_MESSAGE,
        "Send",
        metadata,
        List.of(
            summary(d),
            noteInput(
                MESSAGE, "Message", "The buyer sees this message.", false, values.typed(MESSAGE)),
            filesInput("Attachment")));
  }

  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> message = form.longText(MESSAGE);
    put(errors, MESSAGE, Checks.note(message, true, "a message for the buyer"));
    List<File> files = form.files(FILES);
    put(errors, FILES, Checks.files(files));
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(MESSAGE, () -> new ActionRequest.SendMessage(message.get()), files);
  }
}

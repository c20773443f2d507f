package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ACK_TYPE;
import static io.disputedesk.slack.actions.ModalFields.NOTE;
import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.RequestForms.build;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Acknowledge return: what came back, and a note for PayPal's records. */
final class AcknowledgeReturnForm implements ActionForm {
  @Override
  public View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    List<AcknowledgementType> types =
        d.allowedAcknowledgementTypes().isEmpty()
            ? Arrays.stream(AcknowledgementType.values())
                .filter(t -> t != AcknowledgementType.UNKNOWN)
                .toList()
            : d.allowedAcknowledgementTypes();
    List<OptionObject> options =
        types.stream().map(t -> choice(t.name(), Words.sentence(t.name()))).toList();
    OptionObject initial =
        values
            .selected(ACK_TYPE)
            .map(v -> ModalParts.find(options, v))
            .orElse(
                types.contains(AcknowledgementType.ITEM_RECEIVED)
                    ? options.get(types.indexOf(AcknowledgementType.ITEM_RECEIVED))
                    : null);
    return modal(
        CardAction.ACKNOWLEDGE_RETURN_ITEM,
        "Acknowledge",
        metadata,
        List.of(
            summary(d),
            note(
                ":package: Saying the item came back as expected refunds the buyer and closes the case."),
            select(ACK_TYPE, "What came back", options, initial, false, null),
            noteInput(NOTE, "Note", "For PayPal's records.", true, values.typed(NOTE))));
  }

  @Override
  public FormResult read(FormReader form, Dispute dispute) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<String> note = RequestForms.note(form, errors, false, "a note");
    AcknowledgementType type =
        RequestForms.choice(
            form,
            ACK_TYPE,
            AcknowledgementType.class,
            dispute.allowedAcknowledgementTypes(),
            errors);
    if (type == null && !errors.containsKey(ACK_TYPE)) {
      errors.put(ACK_TYPE, "Say what came back.");
    }
    if (!errors.isEmpty()) {
      return new FormResult.Invalid(errors);
    }
    return build(
        NOTE, () -> new ActionRequest.AcknowledgeReturnItem(note.orElse(null), type), List.of());
  }
}

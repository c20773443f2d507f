package io.disputedesk.slack.actions;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.filesInput;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.noteInput;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionKind;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.Ids;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Builds the modal each card button opens, with its context in the private metadata. */
final class ModalBuilder {
  private final ObjectMapper mapper;
  private final Function<String, EvidencePrefill> known;

  /** {@code known} tells, per dispute id, what pre-fills the evidence forms. */
  ModalBuilder(ObjectMapper mapper, Function<String, EvidencePrefill> known) {
    this.mapper = mapper;
    this.known = known;
  }

  /** The mapper of the modals' private metadata. */
  ObjectMapper mapper() {
    return mapper;
  }

  /** The modal for a PayPal action on the dispute. */
  View forAction(DisputeAction action, Dispute d, ModalContext context) {
    return forAction(action, d, context, prefill(action, d.disputeId(), context.draft() != null));
  }

  /**
   * The modal for a PayPal action on the dispute, filled beyond the dispute with {@code prefill}
   * ({@link #prefill}).
   */
  View forAction(DisputeAction action, Dispute d, ModalContext context, EvidencePrefill prefill) {
    return build(action, d, context.toJson(mapper), FormReader.empty(), prefill);
  }

  /**
   * The modal again, as the inputs of {@code values} left it (a choice that changes which inputs
   * PayPal needs, or a refusal shown on its field), keeping its private metadata.
   */
  View forAction(DisputeAction action, Dispute d, String metadata, FormReader values) {
    return build(action, d, metadata, values, prefill(action, d.disputeId(), editsDraft(metadata)));
  }

  /**
   * What fills an action's form besides the dispute, as its {@link CardAction} says: for the
   * evidence forms what the bot knows of the order ({@code draft}: the form edits a saved draft);
   * nothing for the others.
   */
  EvidencePrefill prefill(DisputeAction action, String disputeId, boolean draft) {
    return CardAction.of(action)
        .map(f -> f.prefill(known, disputeId, draft))
        .orElse(EvidencePrefill.NONE);
  }

  private View build(
      DisputeAction action,
      Dispute d,
      String metadata,
      FormReader values,
      EvidencePrefill prefill) {
    return CardAction.of(action)
        .orElseThrow(() -> new IllegalArgumentException(action + " is not offered in Slack"))
        .draw(d, metadata, values, prefill);
  }

  /** What the bot knows about the dispute's order, for the evidence forms. */
  EvidencePrefill known(String disputeId) {
    return known.apply(disputeId);
  }

  private boolean editsDraft(String metadata) {
    return ModalContext.parse(mapper, metadata).map(c -> c.draft() != null).orElse(false);
  }

  /** Pick who owns the dispute; {@code currentOwner} (nullable) is pre-selected. */
  View reassign(Dispute d, ModalContext context, String currentOwner) {
    return modal(
        Ids.VIEW_REASSIGN,
        "Reassign dispute",
        "Assign",
        context.toJson(mapper),
        List.of(
            summary(d),
            input(
                i ->
                    i.blockId(ModalFields.ASSIGNEE)
                        .label(plainText("New owner"))
                        .element(
                            usersSelect(
                                u ->
                                    u.actionId(ModalFields.ASSIGNEE).initialUser(currentOwner))))));
  }

  static View sendMessage(Dispute d, String metadata, FormReader values) {
    return modal(
        CardAction.SEND_MESSAGE.viewId(),
        ActionKind.of(DisputeAction.SEND_MESSAGE).title(),
        "Send",
        metadata,
        List.of(
            summary(d),
            noteInput(
                ModalFields.MESSAGE,
                "Message",
                "The buyer sees this message.",
                false,
                values.typed(ModalFields.MESSAGE)),
            filesInput("Attachment")));
  }

  /** The seller's contact details for the buyer, pre-filled with what PayPal has now. */
  static View contactDetails(Dispute d, String metadata) {
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
                ModalFields.EMAIL,
                "Email address",
                "For example disputes@yourshop.example.",
                false,
                false,
                now == null ? null : now.email()),
            textInput(
                ModalFields.NOTE,
                "Note",
                "Optional. 2,000 characters at most.",
                true,
                true,
                now == null ? null : now.note())));
  }

  static View escalate(Dispute d, String metadata, FormReader values) {
    return modal(
        CardAction.ESCALATE.viewId(),
        ActionKind.of(DisputeAction.ESCALATE).title(),
        "Escalate",
        metadata,
        List.of(
            summary(d),
            note(
                ":scales: The inquiry becomes a claim and PayPal decides, usually within 10 days."),
            noteInput(
                ModalFields.NOTE,
                "Why PayPal should decide",
                "PayPal reads this.",
                false,
                values.typed(ModalFields.NOTE))));
  }

  static View acknowledgeReturn(Dispute d, String metadata, FormReader values) {
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
            .selected(ModalFields.ACK_TYPE)
            .map(v -> ModalParts.find(options, v))
            .orElse(
                types.contains(AcknowledgementType.ITEM_RECEIVED)
                    ? options.get(types.indexOf(AcknowledgementType.ITEM_RECEIVED))
                    : null);
    return modal(
        CardAction.ACKNOWLEDGE_RETURN_ITEM.viewId(),
        ActionKind.of(DisputeAction.ACKNOWLEDGE_RETURN_ITEM).title(),
        "Acknowledge",
        metadata,
        List.of(
            summary(d),
            note(
                ":package: Saying the item came back as expected refunds the buyer and closes the case."),
            select(ModalFields.ACK_TYPE, "What came back", options, initial, false, null),
            noteInput(
                ModalFields.NOTE,
                "Note",
                "For PayPal's records.",
                true,
                values.typed(ModalFields.NOTE))));
  }
}

package io.disputedesk.slack.actions;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.summary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.view.View;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.Ids;
import java.util.List;
import java.util.function.Function;

/**
 * Opens the modal each card button opens, drawn by its action's form ({@link CardAction}), with its
 * context in the private metadata; builds the reassign modal.
 */
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
  View forAction(CardAction action, Dispute d, ModalContext context) {
    return forAction(action, d, context, prefill(action, d.disputeId(), context.draft() != null));
  }

  /**
   * The modal for a PayPal action on the dispute, filled beyond the dispute with {@code prefill}
   * ({@link #prefill}).
   */
  View forAction(CardAction action, Dispute d, ModalContext context, EvidencePrefill prefill) {
    return build(action, d, context.toJson(mapper), FormReader.empty(), prefill);
  }

  /**
   * The modal again, as the inputs of {@code values} left it (a choice that changes which inputs
   * PayPal needs, or a refusal shown on its field), keeping its private metadata.
   */
  View forAction(CardAction action, Dispute d, String metadata, FormReader values) {
    return build(action, d, metadata, values, prefill(action, d.disputeId(), editsDraft(metadata)));
  }

  /**
   * What fills an action's form besides the dispute, as its {@link CardAction} says: for the
   * evidence forms what the bot knows of the order ({@code draft}: the form edits a saved draft);
   * nothing for the others.
   */
  EvidencePrefill prefill(CardAction action, String disputeId, boolean draft) {
    return action.prefill(known, disputeId, draft);
  }

  private View build(
      CardAction action, Dispute d, String metadata, FormReader values, EvidencePrefill prefill) {
    return action.draw(d, metadata, values, prefill);
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
}

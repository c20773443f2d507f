package io.disputedesk.slack.actions;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.paypal.Dispute;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a money form (accept, offer) submitted after the dispute changed from what the form
 * showed: the change is shown on the form itself, on the amount input when money changed, and the
 * person is asked to open the form again. Nothing slow: it compares the form's private metadata
 * with the stored dispute.
 */
final class StaleForm {
  static final String SINCE = "since you opened this form";
  private static final String ADVICE =
      " Close this form and open it again from the card to see the current"
          + " numbers; nothing was sent to PayPal.";

  /** Inputs that may carry a general error, first present wins; both money forms have a note. */
  private static final List<String> GENERAL =
      List.of(
          ModalFields.ACCEPT_TYPE,
          ModalFields.OFFER_TYPE,
          ModalFields.ACCEPT_REASON,
          ModalFields.AMOUNT,
          ModalFields.NOTE);

  private StaleForm() {}

  /**
   * What changed, as {@code response_action: errors} wants it; empty when the dispute is as the
   * form showed it.
   */
  static Optional<Map<String, String>> errors(View view, SeenDispute seen, Dispute now) {
    List<SeenDispute.Change> changes = SeenDispute.differences(seen, now, SINCE);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    boolean money = changes.stream().anyMatch(SeenDispute.Change::money);
    return Optional.of(Map.of(field(inputs(view), money), SeenDispute.sentences(changes) + ADVICE));
  }

  /** The audit's account of the refusal. */
  static String detail(SeenDispute seen, Dispute now) {
    return SeenDispute.sentences(SeenDispute.differences(seen, now, SINCE));
  }

  /**
   * The amount input for a money change when the form has one, else the first general input
   * present.
   */
  private static String field(List<String> inputs, boolean money) {
    if (money && inputs.contains(ModalFields.AMOUNT)) {
      return ModalFields.AMOUNT;
    }
    return GENERAL.stream().filter(inputs::contains).findFirst().orElse(ModalFields.NOTE);
  }

  private static List<String> inputs(View view) {
    List<LayoutBlock> blocks = view.getBlocks() == null ? List.of() : view.getBlocks();
    return blocks.stream()
        .filter(b -> b instanceof InputBlock)
        .map(b -> ((InputBlock) b).getBlockId())
        .toList();
  }
}

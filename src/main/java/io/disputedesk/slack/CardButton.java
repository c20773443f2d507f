package io.disputedesk.slack;

import io.disputedesk.actions.ActionKind;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A PayPal action's button as a card draws it: its action id, style and the question it asks before
 * its modal opens. The buttons come from {@code slack.actions.CardAction}, each action's one
 * descriptor, which holds the rest of it (its kind, modal and form); the composition root hands
 * them to {@link CardBuilder}, so the cards do not depend on the forms.
 */
public interface CardButton {
  /**
   * The question a button asks before its modal opens; {@code text} takes the most PayPal lets the
   * seller refund, in words, or null when PayPal does not say.
   */
  record Confirm(String title, UnaryOperator<String> text) {}

  /** What the action is: its one name (the button's label) and PayPal's action. */
  ActionKind kind();

  /** The button's action id; its value is the dispute id. */
  String buttonId();

  /** The button's style ({@code primary}, {@code danger}), or null for the plain one. */
  String style();

  /** The question asked before the modal opens, when the action needs one. */
  Optional<Confirm> confirm();
}

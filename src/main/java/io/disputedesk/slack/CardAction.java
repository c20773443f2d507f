package io.disputedesk.slack;

import io.disputedesk.actions.ActionKind;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A PayPal action as a dispute card offers it, in the order cards show them: its button's action
 * id, the callback id of the modal the button opens, the button's style and the question it asks
 * before the modal opens. An action PayPal announces by a link shows while the link is there; one
 * that no link announces (the partial update) sits with the card's tools while the case is open.
 * What the action is comes from its {@link ActionKind}; its form is {@code
 * slack.actions.ActionForm}.
 */
public enum CardAction {
  PROVIDE_EVIDENCE(
      ActionKind.PROVIDE_EVIDENCE, "dd_provide_evidence", "dd_view_provide_evidence", "primary"),
  ACKNOWLEDGE_RETURN_ITEM(
      ActionKind.ACKNOWLEDGE_RETURN_ITEM, "dd_acknowledge_return", "dd_view_acknowledge_return"),
  MAKE_OFFER(
      ActionKind.MAKE_OFFER,
      "dd_make_offer",
      "dd_view_make_offer",
      null,
      new Confirm(
          "Make the buyer an offer?",
          max ->
              (max == null
                      ? "Offer the buyer a settlement"
                      : "Offer the buyer a settlement of up to " + max)
                  + " to close the case? You choose the amount and type next; the buyer can accept or deny it.")),
  ACCEPT_CLAIM(
      ActionKind.ACCEPT_CLAIM,
      "dd_accept_claim",
      "dd_view_accept_claim",
      "danger",
      new Confirm(
          "Accept the claim?",
          max ->
              max == null
                  ? "Refund the buyer in full and close the case? This cannot be undone."
                  : "Refund " + max + " to the buyer and close the case? This cannot be undone.")),
  SEND_MESSAGE(ActionKind.SEND_MESSAGE, "dd_send_message", "dd_view_send_message"),
  PROVIDE_SUPPORTING_INFO(
      ActionKind.PROVIDE_SUPPORTING_INFO, "dd_supporting_info", "dd_view_supporting_info"),
  APPEAL(ActionKind.APPEAL, "dd_appeal", "dd_view_appeal"),
  ESCALATE(ActionKind.ESCALATE, "dd_escalate", "dd_view_escalate"),
  UPDATE_CONTACT_DETAILS(
      ActionKind.UPDATE_CONTACT_DETAILS, "dd_contact_details", "dd_view_contact_details");

  /**
   * The question a button asks before its modal opens; {@code text} takes the most PayPal lets the
   * seller refund, in words, or null when PayPal does not say.
   */
  record Confirm(String title, UnaryOperator<String> text) {}

  private final ActionKind kind;
  private final String buttonId;
  private final String viewId;
  private final String style;
  private final Confirm confirm;

  CardAction(ActionKind kind, String buttonId, String viewId) {
    this(kind, buttonId, viewId, null, null);
  }

  CardAction(ActionKind kind, String buttonId, String viewId, String style) {
    this(kind, buttonId, viewId, style, null);
  }

  CardAction(ActionKind kind, String buttonId, String viewId, String style, Confirm confirm) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.buttonId = Objects.requireNonNull(buttonId, "buttonId");
    this.viewId = Objects.requireNonNull(viewId, "viewId");
    this.style = style;
    this.confirm = confirm;
  }

  public ActionKind kind() {
    return kind;
  }

  /** The button's action id; its value is the dispute id. */
  public String buttonId() {
    return buttonId;
  }

  /** The callback id of the modal the button opens. */
  public String viewId() {
    return viewId;
  }

  /** The button's label: the action's one name. */
  String label() {
    return kind.title();
  }

  /** True when PayPal announces the action by a link, which the card's button follows. */
  boolean linked() {
    return kind.action().isLinkGated();
  }

  /** The button's style ({@code primary}, {@code danger}), or null for the plain one. */
  String style() {
    return style;
  }

  /** The question asked before the modal opens, when the action needs one. */
  Optional<Confirm> confirm() {
    return Optional.ofNullable(confirm);
  }
}

package io.disputedesk.slack.actions;

import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionKind;
import io.disputedesk.actions.ActionKinds;
import io.disputedesk.actions.ActionSummary;
import io.disputedesk.actions.ActionTraits;
import io.disputedesk.actions.Effects;
import io.disputedesk.auth.Role;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.OfferType;
import io.disputedesk.slack.CardButton;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each PayPal action the bot performs, in one place and in the order cards show them: the one
 * descriptor of its kind. It holds what the action is (its PayPal request and endpoint, its one
 * name, the role it needs, the money it moves and the question asked first, how it reads in a
 * thread, how a re-read dispute shows it took effect, whether a shipment goes to PayPal's tracking
 * with it) and its Slack side: its card button (action id, style, the question it asks before the
 * modal opens), the callback id of the modal the button opens, and its {@link ActionForm}, the one
 * class that draws that modal, says what pre-fills it and whether a menu choice redraws it, and
 * reads the submitted form into the request. The use cases see the descriptors only as {@link
 * ActionKind}s, through the {@link ActionKinds} the composition root builds from {@link #kinds()};
 * the cards get the buttons through {@link #buttons()}. Adding an action means an entry here, its
 * form and its test.
 */
public enum CardAction implements CardButton, ActionKind {
  PROVIDE_EVIDENCE(
      ActionRequest.ProvideEvidence.ACTION,
      "Provide evidence",
      Role.AGENT,
      ActionTraits.of(ActionRequest.ProvideEvidence.class)
          .details((e, amount) -> ActionSummary.evidence(e.evidences()))
          .effect(Effects::evidence)
          .addsTracking(),
      new Button("dd_provide_evidence", "dd_view_provide_evidence", "primary", null),
      new EvidenceForm(false)),
  ACKNOWLEDGE_RETURN_ITEM(
      ActionRequest.AcknowledgeReturnItem.ACTION,
      "Acknowledge return",
      Role.AGENT,
      ActionTraits.of(ActionRequest.AcknowledgeReturnItem.class)
          .details(
              (r, amount) ->
                  r.acknowledgementType() == null
                      ? "returned item acknowledged"
                      : ActionSummary.words(r.acknowledgementType().name()))
          .effect(Effects::acknowledgement),
      new Button("dd_acknowledge_return", "dd_view_acknowledge_return"),
      new AcknowledgeReturnForm()),
  // Only approvers may give money away.
  MAKE_OFFER(
      ActionRequest.MakeOffer.ACTION,
      "Make offer",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.MakeOffer.class)
          .movesMoney((o, d) -> Optional.ofNullable(o.offerAmount()), ActionSummary::offerQuestion)
          .freeWhen(o -> o.offerType() == OfferType.REPLACEMENT_WITHOUT_REFUND)
          .details(ActionSummary::offerDetails)
          .effect(Effects::offer),
      new Button(
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
      new MakeOfferForm()),
  ACCEPT_CLAIM(
      ActionRequest.AcceptClaim.ACTION,
      "Accept claim",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.AcceptClaim.class)
          .movesMoney(
              ActionSummary::refundAmount,
              (a, money) -> "Refund " + money + " to the buyer and close the case?")
          .details(ActionSummary::refundDetails)
          .effect(Effects::refund),
      new Button(
          "dd_accept_claim",
          "dd_view_accept_claim",
          "danger",
          new Confirm(
              "Accept the claim?",
              max ->
                  max == null
                      ? "Refund the buyer in full and close the case? This cannot be undone."
                      : "Refund "
                          + max
                          + " to the buyer and close the case? This cannot be undone.")),
      new AcceptClaimForm()),
  SEND_MESSAGE(
      ActionRequest.SendMessage.ACTION,
      "Send message",
      Role.AGENT,
      ActionTraits.of(ActionRequest.SendMessage.class)
          .details((m, amount) -> ActionSummary.quote(m.message()))
          .effect(Effects::message),
      new Button("dd_send_message", "dd_view_send_message"),
      new SendMessageForm()),
  PROVIDE_SUPPORTING_INFO(
      ActionRequest.ProvideSupportingInfo.ACTION,
      "Provide supporting info",
      Role.AGENT,
      ActionTraits.of(ActionRequest.ProvideSupportingInfo.class)
          .details((s, amount) -> ActionSummary.quote(s.notes()))
          .effect(Effects::supportingInfo),
      new Button("dd_supporting_info", "dd_view_supporting_info"),
      new SupportingInfoForm()),
  // Appealing reopens a decided case and can bring arbitration fees.
  APPEAL(
      ActionRequest.Appeal.ACTION,
      "Appeal",
      Role.APPROVER,
      ActionTraits.of(ActionRequest.Appeal.class)
          .details((a, amount) -> ActionSummary.evidence(a.evidences()))
          .effect(Effects::appeal)
          .addsTracking(),
      new Button("dd_appeal", "dd_view_appeal"),
      new EvidenceForm(true)),
  // Escalating moves no money: it asks PayPal to decide, which any agent may do.
  ESCALATE(
      ActionRequest.Escalate.ACTION,
      "Escalate to claim",
      Role.AGENT,
      ActionTraits.of(ActionRequest.Escalate.class)
          .details((e, amount) -> ActionSummary.quote(e.note()))
          .effect(Effects::escalation),
      new Button("dd_escalate", "dd_view_escalate"),
      new EscalateForm()),
  // The seller's own contact details for the buyer: part of arguing the case.
  UPDATE_CONTACT_DETAILS(
      ActionRequest.UpdateContactDetails.ACTION,
      "Contact details",
      Role.AGENT,
      ActionTraits.of(ActionRequest.UpdateContactDetails.class)
          .details(
              (c, amount) ->
                  c.email() + (c.note() == null ? "" : ", " + ActionSummary.quote(c.note())))
          .effect(Effects::contactDetails),
      new Button("dd_contact_details", "dd_view_contact_details"),
      new ContactDetailsForm());

  /**
   * The card button: its action id, the callback id of the modal it opens, its style (nullable) and
   * the question it asks first (nullable).
   */
  private record Button(String id, String viewId, String style, Confirm confirm) {
    Button {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(viewId, "viewId");
    }

    Button(String id, String viewId) {
      this(id, viewId, null, null);
    }
  }

  private final DisputeAction action;
  private final String title;
  private final Role role;
  private final ActionTraits<?> traits;
  private final Button button;
  private final ActionForm form;

  CardAction(
      DisputeAction action,
      String title,
      Role role,
      ActionTraits<?> traits,
      Button button,
      ActionForm form) {
    this.action = Objects.requireNonNull(action, "action");
    this.title = Objects.requireNonNull(title, "title");
    this.role = Objects.requireNonNull(role, "role");
    this.traits = Objects.requireNonNull(traits, "traits");
    this.button = Objects.requireNonNull(button, "button");
    this.form = Objects.requireNonNull(form, "form");
  }

  /** Every action's card button, in the order cards show them. */
  public static List<CardButton> buttons() {
    return List.of(values());
  }

  /** Every kind of action, for the use cases. */
  public static List<ActionKind> kinds() {
    return List.of(values());
  }

  static Optional<CardAction> of(DisputeAction action) {
    return Arrays.stream(values()).filter(a -> a.action.equals(action)).findFirst();
  }

  /** The action whose card button has the action id {@code actionId}. */
  static Optional<CardAction> byButton(String actionId) {
    return Arrays.stream(values()).filter(a -> a.buttonId().equals(actionId)).findFirst();
  }

  /** The action whose modal has the callback id {@code viewId}. */
  static Optional<CardAction> byView(String viewId) {
    return Arrays.stream(values()).filter(a -> a.viewId().equals(viewId)).findFirst();
  }

  @Override
  public ActionKind kind() {
    return this;
  }

  @Override
  public DisputeAction action() {
    return action;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public Role role() {
    return role;
  }

  @Override
  public ActionTraits<?> traits() {
    return traits;
  }

  @Override
  public String buttonId() {
    return button.id();
  }

  /** The callback id of the modal the button opens. */
  public String viewId() {
    return button.viewId();
  }

  @Override
  public String style() {
    return button.style();
  }

  @Override
  public Optional<Confirm> confirm() {
    return Optional.ofNullable(button.confirm());
  }

  View draw(Dispute d, String metadata, FormReader values, EvidencePrefill known) {
    return form.draw(d, metadata, values, known);
  }

  /**
   * What fills the form besides the dispute (for the evidence forms: what is known of the order).
   */
  EvidencePrefill prefill(
      Function<String, EvidencePrefill> known, String disputeId, boolean draft) {
    return form.prefill(known, disputeId, draft);
  }

  FormResult read(FormReader values, Dispute d) {
    return form.read(values, d);
  }

  /**
   * Its menus (offer type, way of accepting, kind of evidence) redraw the form with the inputs
   * PayPal needs.
   */
  boolean switches() {
    return !form.menus().isEmpty();
  }

  /** The block ids of the menus whose choice redraws the form. */
  List<String> menus() {
    return form.menus();
  }

  /** Its shipment can be added to PayPal's tracking too. */
  boolean carriesShipment() {
    return addsTracking();
  }
}

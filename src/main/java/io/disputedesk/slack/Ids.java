package io.disputedesk.slack;

/**
 * Every Slack action id, block id and view callback id the bot uses. Action ids are static so
 * handlers match them; which dispute a click is about travels in the button's value or in the
 * view's private metadata, never in the id.
 */
public final class Ids {
  private Ids() {}

  /** The slash command. */
  public static final String COMMAND = "/disputes";

  // Card buttons (value = dispute id).
  public static final String ACCEPT_CLAIM = "dd_accept_claim";
  public static final String MAKE_OFFER = "dd_make_offer";
  public static final String SEND_MESSAGE = "dd_send_message";
  public static final String PROVIDE_EVIDENCE = "dd_provide_evidence";
  public static final String ESCALATE = "dd_escalate";
  public static final String ACKNOWLEDGE_RETURN = "dd_acknowledge_return";
  public static final String APPEAL = "dd_appeal";
  public static final String SUPPORTING_INFO = "dd_supporting_info";
  public static final String ASSIGN_ME = "dd_assign_me";
  public static final String REASSIGN = "dd_reassign";
  public static final String UNASSIGN = "dd_unassign";
  public static final String REFRESH = "dd_refresh";
  public static final String CONTACT_DETAILS = "dd_contact_details";
  public static final String SNOOZE = "dd_snooze";
  public static final String UNSNOOZE = "dd_unsnooze";
  public static final String OPEN_IN_PAYPAL = "dd_open_paypal";
  public static final String MORE_ACTIONS = "dd_more";

  // Second-approver request in a thread (value = action id).
  public static final String APPROVE = "dd_approve";
  public static final String REJECT = "dd_reject";

  // An action whose outcome could not be proven, settled by someone who checked PayPal (value =
  // action id).
  public static final String CHECKED_HAPPENED = "dd_checked_happened";
  public static final String CHECKED_NOT_HAPPENED = "dd_checked_not_happened";

  // An evidence draft in a card's thread (value = draft id).
  public static final String EDIT_DRAFT = "dd_edit_draft";
  public static final String SUBMIT_DRAFT = "dd_submit_draft";

  // Lists, App Home and digest.
  public static final String LIST_MORE = "dd_list_more";
  public static final String HOME_MORE = "dd_home_more";
  public static final String SHOW_CARD = "dd_show_card";

  // Modal callback ids.
  public static final String VIEW_ACCEPT_CLAIM = "dd_view_accept_claim";
  public static final String VIEW_MAKE_OFFER = "dd_view_make_offer";
  public static final String VIEW_SEND_MESSAGE = "dd_view_send_message";
  public static final String VIEW_PROVIDE_EVIDENCE = "dd_view_provide_evidence";
  public static final String VIEW_ESCALATE = "dd_view_escalate";
  public static final String VIEW_ACKNOWLEDGE_RETURN = "dd_view_acknowledge_return";
  public static final String VIEW_APPEAL = "dd_view_appeal";
  public static final String VIEW_SUPPORTING_INFO = "dd_view_supporting_info";
  public static final String VIEW_REASSIGN = "dd_view_reassign";
  public static final String VIEW_CONTACT_DETAILS = "dd_view_contact_details";
  public static final String VIEW_SNOOZE = "dd_view_snooze";

  /** Slack message metadata event type that tags every message the bot posts (crash recovery). */
  public static final String METADATA_EVENT = "dispute_desk_post";
}

package io.disputedesk.slack;

/**
 * Every Slack action id, block id and view callback id the bot uses, except those of PayPal's
 * actions, which each {@code slack.actions.CardAction} holds. Action ids are static so handlers
 * match them; which dispute a click is about travels in the button's value or in the view's private
 * metadata, never in the id.
 */
public final class Ids {
  private Ids() {}

  /** The slash command. */
  public static final String COMMAND = "/disputes";

  // Card buttons besides PayPal's actions (value = dispute id).
  public static final String ASSIGN_ME = "dd_assign_me";
  public static final String REASSIGN = "dd_reassign";
  public static final String UNASSIGN = "dd_unassign";
  public static final String REFRESH = "dd_refresh";
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
  public static final String HOME_SEARCH = "dd_home_search";
  public static final String SHOW_CARD = "dd_show_card";

  // Modal callback ids besides PayPal's actions.
  public static final String VIEW_REASSIGN = "dd_view_reassign";
  public static final String VIEW_SNOOZE = "dd_view_snooze";
  public static final String VIEW_SEARCH = "dd_view_search";

  /** The search modal's text input (block id and action id). */
  public static final String SEARCH_TEXT = "dd_search_text";

  /** Slack message metadata event type that tags every message the bot posts (crash recovery). */
  public static final String METADATA_EVENT = "dispute_desk_post";
}

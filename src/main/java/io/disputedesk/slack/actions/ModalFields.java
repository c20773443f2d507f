package io.disputedesk.slack.actions;

/**
 * Block ids of the inputs in the action modals; each input's element uses the same string as its
 * action id. They are the modals' contract with their submissions (validation errors are keyed by
 * these block ids); handler and callback ids live in {@link io.disputedesk.slack.Ids}.
 */
public final class ModalFields {
  private ModalFields() {}

  public static final String NOTE = "dd_note";
  public static final String MESSAGE = "dd_message";
  public static final String AMOUNT = "dd_amount";
  public static final String ACCEPT_TYPE = "dd_accept_type";
  public static final String ACCEPT_REASON = "dd_accept_reason";
  public static final String OFFER_TYPE = "dd_offer_type";
  public static final String ACK_TYPE = "dd_ack_type";
  public static final String EVIDENCE_TYPE = "dd_evidence_type";
  public static final String CARRIER = "dd_carrier";
  public static final String TRACKING = "dd_tracking";
  public static final String REFUND_ID = "dd_refund_id";
  public static final String FILES = "dd_files";
  public static final String SAVE_DRAFT = "dd_save_draft";
  public static final String ADD_TRACKER = "dd_add_tracker";
  public static final String ITEM = "dd_item";
  public static final String ASSIGNEE = "dd_assignee";
  public static final String EMAIL = "dd_email";
  public static final String SNOOZE_MODE = "dd_snooze_mode";
  public static final String SNOOZE_DATE = "dd_snooze_date";
  public static final String SNOOZE_TIME = "dd_snooze_time";
  public static final String SNOOZE_REASON = "dd_snooze_reason";

  // Return shipping address.
  public static final String ADDRESS_LINE_1 = "dd_address_line_1";
  public static final String ADDRESS_LINE_2 = "dd_address_line_2";
  public static final String CITY = "dd_city";
  public static final String REGION = "dd_region";
  public static final String POSTAL_CODE = "dd_postal_code";
  public static final String COUNTRY = "dd_country";
}

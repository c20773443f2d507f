package io.disputedesk.slack.actions;

/**
 * Block ids of the inputs in the action modals; each input's element uses the same string as its
 * action id. Only the modal builders and the submission readers use them (validation errors are
 * keyed by these block ids); handler ids live in {@link io.disputedesk.slack.Ids}.
 */
final class ModalFields {
  private ModalFields() {}

  static final String NOTE = "dd_note";
  static final String MESSAGE = "dd_message";
  static final String AMOUNT = "dd_amount";
  static final String ACCEPT_TYPE = "dd_accept_type";
  static final String ACCEPT_REASON = "dd_accept_reason";
  static final String OFFER_TYPE = "dd_offer_type";
  static final String ACK_TYPE = "dd_ack_type";
  static final String EVIDENCE_TYPE = "dd_evidence_type";
  static final String CARRIER = "dd_carrier";
  static final String TRACKING = "dd_tracking";
  static final String REFUND_ID = "dd_refund_id";
  static final String FILES = "dd_files";
  static final String ASSIGNEE = "dd_assignee";

  // Return shipping address.
  static final String ADDRESS_LINE_1 = "dd_address_line_1";
  static final String ADDRESS_LINE_2 = "dd_address_line_2";
  static final String CITY = "dd_city";
  static final String REGION = "dd_region";
  static final String POSTAL_CODE = "dd_postal_code";
  static final String COUNTRY = "dd_country";
}

package io.disputedesk.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Which action links PayPal offers for a dispute, by stage, status and reason (DISPUTES-API.md
 * section 6).
 */
final class SimLinks {
  static final String SEND_MESSAGE = "send_message";
  static final String MAKE_OFFER = "make_offer";
  static final String ACCEPT_CLAIM = "accept_claim";
  static final String PROVIDE_EVIDENCE = "provide_evidence";
  static final String APPEAL = "appeal";
  static final String ESCALATE = "escalate";
  static final String ACKNOWLEDGE_RETURN_ITEM = "acknowledge_return_item";
  static final String PROVIDE_SUPPORTING_INFO = "provide_supporting_info";
  static final String ADJUDICATE = "adjudicate";
  static final String REQUIRE_EVIDENCE = "require_evidence";

  private SimLinks() {}

  /** The action rels in the order PayPal lists them; {@code self} is not included. */
  static List<String> actions(SimDispute d, boolean sandbox) {
    List<String> rels = new ArrayList<>();
    boolean inquiry = d.stage == SimStage.INQUIRY;
    boolean returnToAcknowledge =
        d.reason.isNotAsDescribed() && d.returnShipped && !d.returnAcknowledged;
    switch (d.status) {
      case OPEN -> {
        if (inquiry) {
          rels.add(SEND_MESSAGE);
        }
      }
      case WAITING_FOR_SELLER_RESPONSE -> {
        if (inquiry && returnToAcknowledge) {
          rels.add(ACKNOWLEDGE_RETURN_ITEM);
          rels.add(SEND_MESSAGE);
        } else if (inquiry) {
          rels.add(SEND_MESSAGE);
          rels.add(ESCALATE);
          rels.add(ACCEPT_CLAIM);
          if (!d.offerTypes.isEmpty()) {
            rels.add(MAKE_OFFER);
          }
          rels.add(PROVIDE_EVIDENCE);
        } else {
          rels.add(PROVIDE_EVIDENCE);
          rels.add(ACCEPT_CLAIM);
          if (!d.offerTypes.isEmpty()) {
            rels.add(MAKE_OFFER);
          }
          if (returnToAcknowledge) {
            rels.add(ACKNOWLEDGE_RETURN_ITEM);
          }
        }
      }
      case WAITING_FOR_BUYER_RESPONSE -> {
        // As in PayPal's offer-pending example: the seller may still talk or escalate during an
        // inquiry.
        if (inquiry) {
          rels.add(SEND_MESSAGE);
          rels.add(ESCALATE);
        }
      }
      case UNDER_REVIEW -> {
        if (!inquiry) {
          rels.add(PROVIDE_SUPPORTING_INFO);
        }
        if (sandbox) {
          rels.add(ADJUDICATE);
          rels.add(REQUIRE_EVIDENCE);
        }
      }
      case RESOLVED -> {
        if (d.appealable) {
          rels.add(APPEAL);
        }
      }
      default -> {}
    }
    return rels;
  }

  /** The endpoint suffix for a rel, e.g. {@code make-offer}. */
  static String pathSuffix(String rel) {
    return rel.replace('_', '-');
  }
}

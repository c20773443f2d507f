package io.disputedesk.sim;

import java.util.List;

/** What PayPal typically allows and asks for, by reason and stage, when a spec leaves it open. */
final class SimDefaults {
  private SimDefaults() {}

  static List<String> offerTypes(SimReason reason, SimStage stage) {
    if (stage.isClaim()) {
      return List.of();
    }
    if (reason.isNotAsDescribed()) {
      return List.of(
          "REFUND", "REFUND_WITH_RETURN", "REFUND_WITH_REPLACEMENT", "REPLACEMENT_WITHOUT_REFUND");
    }
    return List.of("REFUND");
  }

  static List<String> acceptClaimTypes(SimReason reason) {
    if (reason.isNotAsDescribed()) {
      return List.of("REFUND", "REFUND_WITH_RETURN", "PARTIAL_REFUND");
    }
    return List.of("REFUND");
  }

  static List<String> requestedEvidence(SimReason reason, SimStage stage) {
    return switch (reason) {
      case MERCHANDISE_OR_SERVICE_NOT_RECEIVED -> List.of("PROOF_OF_FULFILLMENT");
      case MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED ->
          stage.isClaim() ? List.of("OTHER") : List.of();
      case UNAUTHORISED -> List.of("PROOF_OF_FULFILLMENT", "OTHER");
      case CREDIT_NOT_PROCESSED, DUPLICATE_TRANSACTION, PAYMENT_BY_OTHER_MEANS ->
          List.of("PROOF_OF_REFUND");
      case CANCELED_RECURRING_BILLING -> List.of("BILLING_AGREEMENT");
      default -> List.of("OTHER");
    };
  }

  /**
   * Billing reasons have nothing shipped, so proof of fulfilment does not answer them unless PayPal
   * asked for it.
   */
  static boolean fulfilmentFits(SimReason reason) {
    return switch (reason) {
      case CREDIT_NOT_PROCESSED,
          DUPLICATE_TRANSACTION,
          INCORRECT_AMOUNT,
          PAYMENT_BY_OTHER_MEANS,
          CANCELED_RECURRING_BILLING ->
          false;
      default -> true;
    };
  }
}

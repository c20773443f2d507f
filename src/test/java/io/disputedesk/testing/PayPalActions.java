package io.disputedesk.testing;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.DisputeActions;
import java.util.List;

/**
 * Every seller action PayPal's API has, sandbox-only ones included, each as its request record
 * declares it: what tests that go over all of them go over.
 */
public final class PayPalActions {
  /** In the order of the API reference. */
  public static final List<DisputeAction> ALL =
      List.of(
          ActionRequest.SendMessage.ACTION,
          ActionRequest.MakeOffer.ACTION,
          ActionRequest.AcceptClaim.ACTION,
          ActionRequest.ProvideEvidence.ACTION,
          ActionRequest.Appeal.ACTION,
          ActionRequest.Escalate.ACTION,
          ActionRequest.AcknowledgeReturnItem.ACTION,
          ActionRequest.ProvideSupportingInfo.ACTION,
          ActionRequest.Adjudicate.ACTION,
          ActionRequest.RequireEvidence.ACTION,
          ActionRequest.UpdateContactDetails.ACTION);

  /** The link-gated actions whose links PayPal offers on {@code d}, in the order above. */
  public static List<DisputeAction> offeredOn(Dispute d) {
    return ALL.stream().filter(a -> a.isLinkGated() && d.allows(a)).toList();
  }

  /** The same, found by the names the ledger stores. */
  public static final DisputeActions KNOWN = new DisputeActions(ALL);

  private PayPalActions() {}
}

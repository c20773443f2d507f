package io.disputedesk.paypal;

import java.util.Optional;

/**
 * The seller-side actions on a dispute. The POST actions are each gated by the link PayPal offers
 * for it; {@link #UPDATE_CONTACT_DETAILS} is PayPal's partial update ({@code PATCH /{id}}), which
 * no link announces and which applies while the dispute is open.
 */
public enum DisputeAction {
  SEND_MESSAGE("send_message", "send-message"),
  MAKE_OFFER("make_offer", "make-offer"),
  ACCEPT_CLAIM("accept_claim", "accept-claim"),
  PROVIDE_EVIDENCE("provide_evidence", "provide-evidence"),
  APPEAL("appeal", "appeal"),
  ESCALATE("escalate", "escalate"),
  ACKNOWLEDGE_RETURN_ITEM("acknowledge_return_item", "acknowledge-return-item"),
  PROVIDE_SUPPORTING_INFO("provide_supporting_info", "provide-supporting-info"),
  ADJUDICATE("adjudicate", "adjudicate"),
  REQUIRE_EVIDENCE("require_evidence", "require-evidence"),
  UPDATE_CONTACT_DETAILS(null, null);

  private final String rel;
  private final String pathSuffix;

  DisputeAction(String rel, String pathSuffix) {
    this.rel = rel;
    this.pathSuffix = pathSuffix;
  }

  /** The link's rel, or null for the partial update, which no link announces. */
  public String rel() {
    return rel;
  }

  /**
   * The last path segment of the action's endpoint, e.g. {@code make-offer}; null for the partial
   * update.
   */
  public String pathSuffix() {
    return pathSuffix;
  }

  /** True when PayPal allows the action only while it offers the action's link. */
  public boolean isLinkGated() {
    return rel != null;
  }

  /** The HTTP method: POST for the actions, PATCH for the partial update. */
  public String httpMethod() {
    return isLinkGated() ? "POST" : "PATCH";
  }

  /**
   * The operation's name in logs and metrics, e.g. {@code disputes.make-offer}, {@code
   * disputes.patch}.
   */
  public String operation() {
    return "disputes." + (isLinkGated() ? pathSuffix : "patch");
  }

  /** Matches a link by rel, or by its href suffix where PayPal used an unseen rel name. */
  public boolean matches(Link link) {
    if (link == null || !isLinkGated()) {
      return false;
    }
    if (rel.equals(link.rel())) {
      return true;
    }
    String href = link.href();
    return href != null
        && "POST".equalsIgnoreCase(link.method())
        && href.endsWith("/" + pathSuffix);
  }

  public static Optional<DisputeAction> fromRel(String rel) {
    for (DisputeAction a : values()) {
      if (a.rel != null && a.rel.equals(rel)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}

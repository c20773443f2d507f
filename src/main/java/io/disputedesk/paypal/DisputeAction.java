package io.disputedesk.paypal;

import java.util.Optional;

/** The seller-side POST actions on a dispute, each gated by the link PayPal offers for it. */
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
  REQUIRE_EVIDENCE("require_evidence", "require-evidence");

  private final String rel;
  private final String pathSuffix;

  DisputeAction(String rel, String pathSuffix) {
    this.rel = rel;
    this.pathSuffix = pathSuffix;
  }

  public String rel() {
    return rel;
  }

  /** The last path segment of the action's endpoint, e.g. {@code make-offer}. */
  public String pathSuffix() {
    return pathSuffix;
  }

  /** Matches a link by rel, or by its href suffix where PayPal used an unseen rel name. */
  public boolean matches(Link link) {
    if (link == null) {
      return false;
    }
    if (rel.equals(link.rel())) {
      return true;
    }
    String href = link.href();
    return href != null && "POST".equalsIgnoreCase(link.method()) && href.endsWith("/" + pathSuffix);
  }

  public static Optional<DisputeAction> fromRel(String rel) {
    for (DisputeAction a : values()) {
      if (a.rel.equals(rel)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}

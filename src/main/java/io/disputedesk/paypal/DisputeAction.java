package io.disputedesk.paypal;

import java.util.Optional;

/**
 * The seller-side actions on a dispute. The POST actions are each gated by the link PayPal offers
 * for it; {@link #UPDATE_CONTACT_DETAILS} is PayPal's partial update ({@code PATCH /{id}}), which
 * no link announces and which applies while the dispute is open.
 */
public enum DisputeAction {
  SEND_MESSAGE("send_message", "send-message", Files.ALLOWED),
  MAKE_OFFER("make_offer", "make-offer", Files.NONE),
  ACCEPT_CLAIM("accept_claim", "accept-claim", Files.ALLOWED),
  PROVIDE_EVIDENCE("provide_evidence", "provide-evidence", Files.ALWAYS_MULTIPART),
  APPEAL("appeal", "appeal", Files.ALWAYS_MULTIPART),
  ESCALATE("escalate", "escalate", Files.NONE),
  ACKNOWLEDGE_RETURN_ITEM("acknowledge_return_item", "acknowledge-return-item", Files.ALLOWED),
  PROVIDE_SUPPORTING_INFO("provide_supporting_info", "provide-supporting-info", Files.ALLOWED),
  ADJUDICATE("adjudicate", "adjudicate", Files.NONE),
  REQUIRE_EVIDENCE("require_evidence", "require-evidence", Files.NONE),
  UPDATE_CONTACT_DETAILS(null, null, Files.NONE);

  /** Whether the action's body can carry files, and so be multipart/form-data. */
  private enum Files {
    /** JSON only. */
    NONE,
    /** JSON without files, multipart with them. */
    ALLOWED,
    /** Sent as multipart even without files: PayPal answers 415 to JSON here. */
    ALWAYS_MULTIPART
  }

  private final String rel;
  private final String pathSuffix;
  private final Files files;

  DisputeAction(String rel, String pathSuffix, Files files) {
    this.rel = rel;
    this.pathSuffix = pathSuffix;
    this.files = files;
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

  /** True when its body may carry files. */
  boolean takesFiles() {
    return files != Files.NONE;
  }

  /** True when its body is multipart/form-data even without files. */
  boolean alwaysMultipart() {
    return files == Files.ALWAYS_MULTIPART;
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

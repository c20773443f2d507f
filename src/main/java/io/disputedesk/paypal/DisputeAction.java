package io.disputedesk.paypal;

import java.util.Locale;
import java.util.Objects;

/**
 * A seller-side action on a dispute as PayPal takes it: its endpoint, the link that gates it and
 * whether its body carries files. The POST actions are each gated by the link PayPal offers for
 * them; the partial update ({@code PATCH /{id}}) is announced by no link and applies while the
 * dispute is open. Each {@link ActionRequest} declares its own; {@code name} is the kind the action
 * ledger stores, e.g. {@code MAKE_OFFER}.
 *
 * @param name the kind's stored name, e.g. {@code MAKE_OFFER}
 * @param rel the link's rel, or null for the partial update
 * @param pathSuffix the last path segment of the endpoint, e.g. {@code make-offer}; null for the
 *     partial update
 * @param files whether the body can carry files, and so be multipart/form-data
 */
public record DisputeAction(String name, String rel, String pathSuffix, Files files) {

  /** Whether the action's body can carry files, and so be multipart/form-data. */
  public enum Files {
    /** JSON only. */
    NONE,
    /** JSON without files, multipart with them. */
    ALLOWED,
    /** Sent as multipart even without files: PayPal answers 415 to JSON here. */
    ALWAYS_MULTIPART
  }

  public DisputeAction {
    Check.text("name", name, 64);
    Objects.requireNonNull(files, "files");
    if ((rel == null) != (pathSuffix == null)) {
      throw new IllegalArgumentException("a link-gated action has both a rel and a path");
    }
  }

  /**
   * The POST action PayPal gates by the link {@code rel} (e.g. {@code make_offer}), sent to the
   * path of the same words ({@code make-offer}) and stored as {@code MAKE_OFFER}.
   */
  public static DisputeAction post(String rel, Files files) {
    Check.text("rel", rel, 64);
    return new DisputeAction(rel.toUpperCase(Locale.ROOT), rel, rel.replace('_', '-'), files);
  }

  /** The partial update {@code PATCH /{id}}, stored as {@code name}; no link announces it. */
  public static DisputeAction patch(String name) {
    return new DisputeAction(name, null, null, Files.NONE);
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

  /** Its stored name, as the ledger, logs and audit spell it. */
  @Override
  public String toString() {
    return name;
  }
}

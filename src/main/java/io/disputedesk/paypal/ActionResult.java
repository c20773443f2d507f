package io.disputedesk.paypal;

import java.util.List;

/**
 * PayPal accepted an action: 200, or 202 when money movement is delayed. The body holds only links;
 * read the dispute again to see the effect.
 */
public record ActionResult(int httpStatus, List<Link> links, String debugId) {

  public ActionResult {
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** True when PayPal accepted the action but will finish it later (HTTP 202). */
  public boolean isDelayed() {
    return httpStatus == 202;
  }
}

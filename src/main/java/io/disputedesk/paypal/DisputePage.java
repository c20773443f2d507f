package io.disputedesk.paypal;

import java.util.List;
import java.util.Optional;

/** One page of the dispute list (summary fields only) and the link to the next page, if any. */
public record DisputePage(List<Dispute> items, Optional<String> nextLink) {

  public DisputePage {
    items = items == null ? List.of() : List.copyOf(items);
    nextLink = nextLink == null ? Optional.empty() : nextLink;
  }

  public boolean hasNext() {
    return nextLink.isPresent();
  }
}

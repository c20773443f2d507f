package io.disputedesk.slack.actions;

import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.ShippingAddress;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.Mrkdwn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the bot already knows that fills the evidence form before anyone types: the tracking PayPal
 * holds for the transaction (to the buyer, and any return), the refund ids the dispute records, and
 * the full ship-to address (shown only in the modal, which only the people who may act open).
 *
 * @param facts the order facts as last stored; null when the bot never fetched them
 * @param address the full ship-to address; null when unknown
 * @param editingDraft the form edits a saved draft (its files stay unless new ones are attached)
 */
record EvidencePrefill(OrderFacts facts, ShippingAddress address, boolean editingDraft) {
  static final EvidencePrefill NONE = new EvidencePrefill(null, null, false);

  EvidencePrefill(OrderFacts facts, ShippingAddress address) {
    this(facts, address, false);
  }

  /** The same, for a form that edits a saved draft. */
  EvidencePrefill forDraft() {
    return new EvidencePrefill(facts, address, true);
  }

  /**
   * The newest shipment with a carrier and number: to the buyer, or ({@code returned}) back to the
   * seller.
   */
  Optional<OrderFacts.Shipment> shipment(boolean returned) {
    if (facts == null) {
      return Optional.empty();
    }
    List<OrderFacts.Shipment> list = returned ? facts.returns() : facts.outbound();
    return list.stream()
        .filter(
            s ->
                s.carrier() != null
                    && !s.carrier().isBlank()
                    && s.trackingNumber() != null
                    && !s.trackingNumber().isBlank())
        .reduce((a, b) -> b);
  }

  /**
   * The refund transaction ids recorded anywhere in the dispute's evidence, comma-separated; null
   * when none.
   */
  static String refundIds(Dispute d) {
    Set<String> ids =
        d.evidences().stream()
            .map(Dispute.Evidence::evidenceInfo)
            .filter(Objects::nonNull)
            .flatMap(i -> i.refundIds() == null ? Stream.empty() : i.refundIds().stream())
            .filter(s -> s != null && !s.isBlank())
            .map(String::strip)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return ids.isEmpty() ? null : String.join(", ", ids);
  }

  /**
   * "Jane Doe, 1 Main St, Flat 2, San Jose, CA 95131, US" with Slack's control characters escaped;
   * null when unknown.
   */
  String addressLine() {
    if (address == null) {
      return null;
    }
    String cityLine =
        Stream.of(address.city(), join(" ", address.state(), address.postalCode()))
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining(", "));
    String line =
        Stream.of(address.name(), address.line1(), address.line2(), cityLine, address.countryCode())
            .filter(s -> s != null && !s.isBlank())
            .map(String::strip)
            .collect(Collectors.joining(", "));
    return line.isEmpty() ? null : Mrkdwn.escape(ModalParts.clip(line.replace('\n', ' '), 500));
  }

  private static String join(String sep, String a, String b) {
    return Stream.of(a, b).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(sep));
  }
}

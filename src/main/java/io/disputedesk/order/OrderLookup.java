package io.disputedesk.order;

import io.disputedesk.order.OrderFacts.Gap;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.paypal.Tracker;
import io.disputedesk.paypal.TransactionDetail;
import io.disputedesk.paypal.TransactionSearch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PayPal about the order behind a dispute: Transaction Search for the items and the address,
 * Shipment Tracking for the shipments. Never throws for a PayPal failure: each half that could not
 * be read carries its {@link Gap}. Blocks on PayPal, so it runs off the acknowledgement path.
 */
public final class OrderLookup {
  private static final Logger log = LoggerFactory.getLogger(OrderLookup.class);

  private final Function<String, TransactionSearch> searchOf;
  private final Function<String, ShipmentTracking> trackingOf;

  public OrderLookup(TransactionSearch search, ShipmentTracking tracking) {
    this(disputeId -> search, disputeId -> tracking);
  }

  /**
   * Asks about each dispute with its own PayPal account's clients ({@code disputeId -> client}).
   */
  public OrderLookup(
      Function<String, TransactionSearch> searchOf, Function<String, ShipmentTracking> trackingOf) {
    this.searchOf = searchOf;
    this.trackingOf = trackingOf;
  }

  /** What one lookup found: the channel-safe facts, and the full address when PayPal gave one. */
  public record Result(OrderFacts facts, Optional<ShippingAddress> address) {}

  /** Looks the dispute's transaction up; {@code now} becomes the facts' fetch time. */
  public Result fetch(Dispute d, Instant now) {
    Optional<Dispute.DisputedTransaction> txn = d.firstTransaction();
    String id = txn.map(Dispute.DisputedTransaction::transactionId).orElse(null);
    if (id == null || !TransactionSearch.searchable(id)) {
      return new Result(
          new OrderFacts(
              d.disputeId(), id, null, Gap.NO_TRANSACTION, List.of(), Gap.NO_TRANSACTION, now),
          Optional.empty());
    }
    Instant around = txn.map(Dispute.DisputedTransaction::createTime).orElse(d.createTime());
    Order found = order(d.disputeId(), id, around == null ? now : around);
    Shipments shipments = shipments(d.disputeId(), id);
    return new Result(
        new OrderFacts(
            d.disputeId(), id, found.order(), found.gap(), shipments.list(), shipments.gap(), now),
        found.address());
  }

  private record Order(OrderFacts.Order order, Gap gap, Optional<ShippingAddress> address) {}

  private record Shipments(List<OrderFacts.Shipment> list, Gap gap) {}

  private Order order(String disputeId, String transactionId, Instant around) {
    Optional<TransactionDetail> detail;
    try {
      detail = searchOf.apply(disputeId).find(transactionId, around);
    } catch (PayPalException e) {
      return new Order(null, gap("Transaction Search", disputeId, e), Optional.empty());
    }
    if (detail.isEmpty()) {
      return new Order(null, Gap.NOT_LISTED, Optional.empty());
    }
    TransactionDetail t = detail.get();
    List<OrderFacts.OrderItem> items =
        t.items().stream()
            .map(
                i ->
                    new OrderFacts.OrderItem(
                        firstOf(i.itemName(), i.itemCode(), "Item"),
                        firstOf(i.itemQuantity(), null, "1"),
                        i.itemUnitPrice(),
                        amount(i)))
            .toList();
    Optional<TransactionDetail.ReportAddress> to = t.shippingAddress();
    OrderFacts.ShipTo shipTo =
        to.map(a -> new OrderFacts.ShipTo(a.city(), a.countryCode())).orElse(null);
    Money total = t.transactionInfo() == null ? null : t.transactionInfo().transactionAmount();
    String invoice = t.transactionInfo() == null ? null : t.transactionInfo().invoiceId();
    Optional<ShippingAddress> address =
        to.map(
            a ->
                new ShippingAddress(
                    t.shippingInfo().name(),
                    a.line1(),
                    a.line2(),
                    a.city(),
                    a.state(),
                    a.postalCode(),
                    a.countryCode()));
    return new Order(new OrderFacts.Order(items, shipTo, total, invoice), null, address);
  }

  private Shipments shipments(String disputeId, String transactionId) {
    List<Tracker> trackers;
    try {
      trackers = trackingOf.apply(disputeId).trackers(transactionId);
    } catch (PayPalException e) {
      return new Shipments(List.of(), gap("Shipment Tracking", disputeId, e));
    }
    return new Shipments(
        trackers.stream()
            .map(
                t ->
                    new OrderFacts.Shipment(
                        t.carrierName().orElse(null),
                        blankToNull(t.trackingNumber()),
                        t.status(),
                        t.shippedOn().orElse(null),
                        t.isReturn()))
            .toList(),
        null);
  }

  private static Gap gap(String api, String disputeId, PayPalException e) {
    log.warn(
        "{} for dispute {} failed (debug_id {}): {}", api, disputeId, e.debugId(), e.getMessage());
    if (e.httpStatus() == 401 || e.httpStatus() == 403) {
      return Gap.NO_PERMISSION;
    }
    return e.isTransient() ? Gap.PAYPAL_UNAVAILABLE : Gap.REFUSED;
  }

  /** The item's amount, or its unit price times its quantity when PayPal gives only that. */
  private static Money amount(TransactionDetail.ItemDetail i) {
    if (i.itemAmount() != null) {
      return i.itemAmount();
    }
    if (i.totalItemAmount() != null) {
      return i.totalItemAmount();
    }
    if (i.itemUnitPrice() != null
        && i.itemQuantity() != null
        && i.itemQuantity().strip().matches("[0-9]{1,6}")) {
      return new Money(
          i.itemUnitPrice().currencyCode(),
          i.itemUnitPrice().value().multiply(new BigDecimal(i.itemQuantity().strip())));
    }
    return null;
  }

  private static String firstOf(String a, String b, String fallback) {
    if (a != null && !a.isBlank()) {
      return a.strip();
    }
    return b != null && !b.isBlank() ? b.strip() : fallback;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

package io.disputedesk.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.EvidenceChecklist;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.dispute.Words;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.OrderFactsSource;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The card's Order section (items, ship-to city and country, the tracking PayPal holds, or why they
 * are missing) and its checklist of what wins the reason. Only the city and country of the address
 * reach the channel; everything PayPal or the buyer wrote is escaped.
 */
public final class OrderBlocks {
  static final int MAX_ITEMS = 5;
  static final int MAX_SHIPMENTS = 3;
  static final int NAME_CHARS = 80;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final OrderFactsSource facts;
  private final boolean enabled;

  private OrderBlocks(OrderFactsSource facts, boolean enabled) {
    this.facts = Objects.requireNonNull(facts, "facts");
    this.enabled = enabled;
  }

  /** Order sections from {@code facts}, and the checklist. */
  public static OrderBlocks from(OrderFactsSource facts) {
    return new OrderBlocks(facts, true);
  }

  /** No order section and no checklist. */
  public static OrderBlocks none() {
    return new OrderBlocks(OrderFactsSource.none(), false);
  }

  /**
   * The blocks for the card: the Order section when the bot asked PayPal (or, while open, is about
   * to), then the checklist while open.
   */
  List<ObjectNode> blocks(StoredDispute stored) {
    if (!enabled) {
      return List.of();
    }
    Dispute d = stored.dispute();
    // Facts are fetched for open disputes only: one resolved before its first fetch never gets
    // them, so its card does not say they are on their way.
    Optional<OrderFacts> known =
        facts.find(d.disputeId()).filter(f -> !(f.isPending() && d.isResolved()));
    List<ObjectNode> blocks = new ArrayList<>();
    known.ifPresent(f -> blocks.add(BlockKit.section(order(f))));
    EvidenceChecklist.of(d, known.filter(f -> !f.isPending()).orElse(null))
        .ifPresent(c -> blocks.add(BlockKit.section(checklist(d, c, known.orElse(null)))));
    return blocks;
  }

  static String order(OrderFacts f) {
    StringBuilder text = new StringBuilder("*Order*");
    if (f.isPending()) {
      return text.append("\n_Fetching the order and its tracking from PayPal…_").toString();
    }
    OrderFacts.Order order = f.order();
    if (order == null) {
      OrderFacts.Gap gap = f.orderGap() == null ? OrderFacts.Gap.UNKNOWN : f.orderGap();
      text.append("\n:warning: *Order details unavailable* — ")
          .append(OrderWords.orderGap(gap))
          .append("; ")
          .append(OrderWords.orderFix(gap))
          .append('.');
    } else {
      items(text, order);
      if (order.shipTo() != null) {
        text.append("\n:round_pushpin: Ships to ").append(place(order.shipTo()));
      }
    }
    shipments(text, f);
    return text.toString();
  }

  private static void items(StringBuilder text, OrderFacts.Order order) {
    if (order.items().isEmpty()) {
      text.append("\nPayPal lists the payment")
          .append(order.total() == null ? "" : " of " + Mrkdwn.escape(Words.money(order.total())))
          .append(" but no items.");
      return;
    }
    order.items().stream()
        .limit(MAX_ITEMS)
        .forEach(
            item -> {
              text.append("\n• ")
                  .append(Mrkdwn.escapeAndCut(item.quantity(), 12))
                  .append(" × ")
                  .append(Mrkdwn.escapeAndCut(item.name(), NAME_CHARS));
              Money price = item.amount() != null ? item.amount() : item.unitPrice();
              if (price != null) {
                text.append(" · ").append(Mrkdwn.escape(Words.money(price)));
              }
            });
    int more = order.items().size() - MAX_ITEMS;
    if (more > 0) {
      text.append("\n• and ").append(more).append(more == 1 ? " more item" : " more items");
    }
  }

  private static void shipments(StringBuilder text, OrderFacts f) {
    if (f.trackingGap() != null) {
      text.append("\n:warning: Tracking unavailable — ")
          .append(OrderWords.trackingGap(f.trackingGap()))
          .append("; ")
          .append(OrderWords.trackingFix(f.trackingGap()))
          .append('.');
      return;
    }
    List<OrderFacts.Shipment> outbound = f.outbound();
    if (outbound.isEmpty()) {
      text.append("\n:truck: No tracking on file with PayPal for this payment.");
    }
    outbound.stream()
        .limit(MAX_SHIPMENTS)
        .forEach(s -> text.append("\n:truck: ").append(shipment(s)));
    f.returns().stream()
        .limit(MAX_SHIPMENTS)
        .forEach(s -> text.append("\n:leftwards_arrow_with_hook: Return: ").append(shipment(s)));
  }

  private static String shipment(OrderFacts.Shipment s) {
    StringBuilder line =
        new StringBuilder(Mrkdwn.escapeAndCut(OrderWords.carrier(s.carrier()), 64));
    if (s.trackingNumber() != null) {
      line.append(" `").append(Mrkdwn.escapeAndCut(s.trackingNumber(), 64)).append('`');
    }
    line.append(" · ")
        .append(
            s.isDelivered()
                ? ":white_check_mark: *Delivered*"
                : OrderWords.trackingStatus(s.status()));
    if (s.shippedOn() != null) {
      line.append(" · shipped ").append(DAY.format(s.shippedOn()));
    }
    return line.toString();
  }

  static String checklist(Dispute d, EvidenceChecklist c, OrderFacts f) {
    StringBuilder text =
        new StringBuilder("*What wins: ")
            .append(Words.reason(d.reason()))
            .append("* · ")
            .append(OrderWords.focus(c.focus()));
    for (EvidenceChecklist.Item item : c.items()) {
      text.append('\n').append(item.done() ? ":white_check_mark: " : ":white_large_square: ");
      if (item.need() == EvidenceChecklist.Need.REQUESTED) {
        text.append("*PayPal asked for:* ")
            .append(Mrkdwn.escape(Words.evidenceType(item.evidenceType())))
            .append(item.required() ? " (required)" : "");
      } else {
        text.append(OrderWords.need(item.need()));
      }
      text.append(basis(item, f));
    }
    return text.toString();
  }

  /** Why an item is ticked, or what to check for it. */
  private static String basis(EvidenceChecklist.Item item, OrderFacts f) {
    if (item.status() == EvidenceChecklist.Status.SENT) {
      return " — sent to PayPal";
    }
    if (item.need() == EvidenceChecklist.Need.SHIP_TO_MATCHES) {
      return f == null || f.order() == null || f.order().shipTo() == null
          ? ""
          : " (" + place(f.order().shipTo()) + "): check the carrier's record";
    }
    if (item.status() == EvidenceChecklist.Status.TO_DO) {
      return "";
    }
    Optional<OrderFacts.Shipment> delivered =
        f == null
            ? Optional.empty()
            : f.outbound().stream().filter(OrderFacts.Shipment::isDelivered).findFirst();
    Optional<OrderFacts.Shipment> tracked =
        f == null
            ? Optional.empty()
            : f.outbound().stream().filter(s -> s.trackingNumber() != null).findFirst();
    return switch (standsFor(item)) {
      case DELIVERED, BUYER_RECEIVED ->
          delivered
              .map(s -> " — " + Mrkdwn.escape(OrderWords.carrier(s.carrier())) + " says delivered")
              .orElse(" — on file");
      case DELIVERY_TRACKING ->
          tracked
              .map(
                  s ->
                      " — "
                          + Mrkdwn.escape(OrderWords.carrier(s.carrier()))
                          + " tracking on file with PayPal")
              .orElse(" — on file");
      case TRANSACTION_RECORDS -> " — from PayPal's Transaction Search";
      case REFUND_PROOF -> " — PayPal shows the payment refunded";
      case RETURN_PROOF -> " — the buyer's return tracking is on file";
      default -> " — on file";
    };
  }

  /** The need a request of PayPal's is answered by, for saying why it is ticked. */
  private static EvidenceChecklist.Need standsFor(EvidenceChecklist.Item item) {
    if (item.need() != EvidenceChecklist.Need.REQUESTED || item.evidenceType() == null) {
      return item.need();
    }
    return switch (item.evidenceType()) {
      case "PROOF_OF_FULFILLMENT",
          "ONLINE_TRACKING_INFORMATION",
          "ADDITIONAL_TRACKING_INFORMATION" ->
          EvidenceChecklist.Need.DELIVERY_TRACKING;
      case "PROOF_OF_REFUND" -> EvidenceChecklist.Need.REFUND_PROOF;
      default -> EvidenceChecklist.Need.RETURN_PROOF;
    };
  }

  private static String place(OrderFacts.ShipTo to) {
    String city =
        to.city() == null || to.city().isBlank() ? "" : Mrkdwn.escapeAndCut(to.city(), 60) + ", ";
    return city + Mrkdwn.escape(OrderWords.country(to.countryCode()));
  }
}

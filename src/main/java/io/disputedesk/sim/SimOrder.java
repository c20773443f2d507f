package io.disputedesk.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The order behind a simulated dispute, as Transaction Search and Shipment Tracking see it: the
 * cart with prices, the ship-to address, the shipments PayPal holds, and whether the payment's
 * account lets the app search it. Defaults are drawn from the dispute id, so they repeat.
 */
final class SimOrder {
  /** How long PayPal's reports take to list a payment. */
  static final Duration REPORTING_LAG = Duration.ofHours(3);

  private static final Set<String> INTANGIBLE = Set.of("SERVICE", "DIGITAL_DOWNLOAD", "BOOKING");
  private static final Map<String, List<SimAddress>> ADDRESSES =
      Map.of(
          "USD",
              List.of(
                  new SimAddress("742 Evergreen Terrace", "Springfield", "IL", "62704", "US"),
                  new SimAddress("350 5th Ave", "New York", "NY", "10118", "US"),
                  new SimAddress("1 Pike Place", "Seattle", "WA", "98101", "US"),
                  new SimAddress("410 Congress Ave", "Austin", "TX", "78701", "US")),
          "EUR",
              List.of(
                  new SimAddress("Torstrasse 12", "Berlin", null, "10119", "DE"),
                  new SimAddress("12 Rue de Rivoli", "Paris", null, "75001", "FR"),
                  new SimAddress("Via Roma 8", "Milan", null, "20121", "IT"),
                  new SimAddress("Calle de Alcala 21", "Madrid", null, "28014", "ES")),
          "GBP",
              List.of(
                  new SimAddress("221B Baker Street", "London", null, "NW1 6XE", "GB"),
                  new SimAddress("14 Deansgate", "Manchester", null, "M3 2BW", "GB")),
          "AUD",
              List.of(
                  new SimAddress("200 George St", "Sydney", "NSW", "2000", "AU"),
                  new SimAddress("8 Collins St", "Melbourne", "VIC", "3000", "AU")),
          "JPY",
              List.of(
                  new SimAddress("1-1 Marunouchi", "Tokyo", null, "100-0005", "JP"),
                  new SimAddress("2-4 Umeda", "Osaka", null, "530-0001", "JP")));
  private static final Map<String, String> CARRIERS =
      Map.of(
          "US",
          "USPS",
          "GB",
          "ROYAL_MAIL",
          "DE",
          "DHL",
          "FR",
          "FR_COLIS",
          "IT",
          "DHL",
          "ES",
          "DHL",
          "AU",
          "AU_AU_POST",
          "JP",
          "JPN_JAPAN_POST");

  /** One cart line with its unit price in the dispute's currency. */
  record Line(String name, String type, int quantity, BigDecimal unitPrice) {
    BigDecimal amount() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  final List<Line> lines;
  final SimAddress shipTo;
  final String recipient;
  final String payerEmail;
  final boolean searchDenied;

  /** Guarded by the dispute store's lock, like the rest of the dispute. */
  final List<SimTracker> trackers;

  private SimOrder(
      List<Line> lines,
      SimAddress shipTo,
      String recipient,
      String payerEmail,
      boolean searchDenied,
      List<SimTracker> trackers) {
    this.lines = lines;
    this.shipTo = shipTo;
    this.recipient = recipient;
    this.payerEmail = payerEmail;
    this.searchDenied = searchDenied;
    this.trackers = trackers;
  }

  static SimOrder of(
      SimDisputeSpec spec, String disputeId, String currency, BigDecimal amount, Instant paidAt) {
    Random random = new Random(disputeId.hashCode());
    List<SimAddress> choices = ADDRESSES.getOrDefault(currency, ADDRESSES.get("USD"));
    SimAddress to = spec.shipTo != null ? spec.shipTo : choices.get(random.nextInt(choices.size()));
    LocalDate shipped = paidAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
    List<SimTracker> trackers = new ArrayList<>();
    if (spec.trackers != null) {
      spec.trackers.forEach(
          t -> trackers.add(t.shipmentDate() == null ? t.withShipmentDate(shipped) : t));
    } else if (!spec.items.stream().allMatch(i -> INTANGIBLE.contains(i.type()))) {
      String carrier = CARRIERS.getOrDefault(to.countryCode(), "UPS");
      String status =
          spec.reason == SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED ? "IN_TRANSIT" : "DELIVERED";
      trackers.add(
          new SimTracker(carrier, trackingNumber(carrier, random), status, shipped, false));
    }
    String name = spec.buyerName == null ? "John Doe" : spec.buyerName;
    return new SimOrder(
        price(spec.items, currency, amount),
        to,
        name,
        email(name),
        spec.transactionSearchDenied,
        trackers);
  }

  /** True once PayPal's reports list a payment made at {@code paidAt}. */
  static boolean listed(Instant paidAt, Instant now) {
    return !now.isBefore(paidAt.plus(REPORTING_LAG));
  }

  /** Text as the reporting API's patterns allow it: plain letters, digits and a few marks. */
  static String reportingText(String s) {
    String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return ascii.replaceAll("[^a-zA-Z0-9_'\\-., \":;!?]", " ").replaceAll(" {2,}", " ").strip();
  }

  /** Items with a price keep it; the others share what is left of the amount, unit by unit. */
  private static List<Line> price(
      List<SimDisputeSpec.Item> items, String currency, BigDecimal amount) {
    int scale = SimMoney.scale(currency);
    BigDecimal priced = BigDecimal.ZERO;
    int unpricedUnits = 0;
    for (SimDisputeSpec.Item i : items) {
      if (i.unitPrice() != null) {
        priced = priced.add(i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())));
      } else {
        unpricedUnits += i.quantity();
      }
    }
    BigDecimal left = amount.subtract(priced).max(BigDecimal.ZERO);
    BigDecimal share =
        unpricedUnits == 0
            ? BigDecimal.ZERO
            : left.divide(BigDecimal.valueOf(unpricedUnits), scale, RoundingMode.DOWN);
    List<Line> lines = new ArrayList<>();
    for (SimDisputeSpec.Item i : items) {
      BigDecimal unit =
          i.unitPrice() != null ? i.unitPrice().setScale(scale, RoundingMode.HALF_UP) : share;
      lines.add(new Line(i.name(), i.type(), i.quantity(), unit));
    }
    return List.copyOf(lines);
  }

  private static String trackingNumber(String carrier, Random r) {
    return switch (carrier) {
      case "USPS" -> "94001118992238" + digits(r, 8);
      case "ROYAL_MAIL" -> "RM" + digits(r, 9) + "GB";
      case "DHL" -> "00340434" + digits(r, 12);
      case "FR_COLIS" -> "6A" + digits(r, 11);
      case "AU_AU_POST" -> "33QP" + digits(r, 8) + "01";
      case "JPN_JAPAN_POST" -> digits(r, 12);
      default -> "1Z999AA1" + digits(r, 10);
    };
  }

  private static String digits(Random r, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  private static String email(String name) {
    String local =
        reportingText(name)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", ".")
            .replaceAll("^\\.|\\.$", "");
    return (local.isEmpty() ? "buyer" : local) + "@example.com";
  }
}

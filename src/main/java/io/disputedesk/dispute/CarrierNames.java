package io.disputedesk.dispute;

import java.util.Map;

/** PayPal's carrier codes (disputes and Shipment Tracking) as people write the carrier. */
final class CarrierNames {
  private static final Map<String, String> CARRIERS =
      Map.ofEntries(
          Map.entry("USPS", "USPS"),
          Map.entry("UPS", "UPS"),
          Map.entry("FEDEX", "FedEx"),
          Map.entry("DHL", "DHL"),
          Map.entry("DHL_API", "DHL"),
          Map.entry("ROYAL_MAIL", "Royal Mail"),
          Map.entry("DE_DEUTSCHE", "Deutsche Post"),
          Map.entry("AU_AU_POST", "Australia Post"),
          Map.entry("AUSTRALIA_POST", "Australia Post"),
          Map.entry("JPN_JAPAN_POST", "Japan Post"),
          Map.entry("JAPAN_POST", "Japan Post"),
          Map.entry("JP_JAPANPOST", "Japan Post"),
          Map.entry("FR_COLIS", "Colissimo"),
          Map.entry("HERMES", "Hermes"),
          Map.entry("UK_PARCELFORCE", "Parcelforce"),
          Map.entry("PARCELFORCE", "Parcelforce"),
          Map.entry("CANADA_POST", "Canada Post"),
          Map.entry("CA_CANADA_POST", "Canada Post"),
          Map.entry("DPD", "DPD"));

  private CarrierNames() {}

  /** See {@link Words#carrier}. */
  static String of(String code) {
    if (code == null || code.isBlank()) {
      return "Carrier unknown";
    }
    String known = CARRIERS.get(code);
    if (known != null) {
      return known;
    }
    return code.matches("[A-Z0-9_]+") ? code.replace('_', ' ') : code;
  }
}

package io.disputedesk.sim;

import java.util.List;
import java.util.Random;

/** Names, items and buyer messages the seeds and the evolver draw from. */
final class SimCatalogue {
  static final List<String> BUYERS = List.of("Maya Thompson", "Lukas Schneider", "Aiko Tanaka", "Olivia Brown",
      "Liam O'Connor", "Sofia Rossi", "Noah Williams", "Chloé Martin", "Jack Wilson", "Amelia Clarke",
      "Mateo García", "Isla MacLeod", "Hiroshi Sato", "Emma Dubois", "Oliver Smith", "Zoe Chen", "Ethan Patel",
      "Grace Nakamura", "Lucas Silva", "Harper Jones", "Ava Kowalski", "Sebastian Müller", "Priya Raman",
      "Mia Johansson", "Jamal Wright");
  static final List<String> PRODUCTS = List.of("Merino wool sweater", "Bluetooth speaker", "Ceramic mug set",
      "Running shoes (size 42)", "Phone case", "Espresso machine", "Vintage camera lens", "Yoga mat",
      "Mechanical keyboard", "Leather wallet", "Noise-cancelling headphones", "Handmade silver necklace",
      "Cast-iron skillet", "Kids' rain jacket", "USB-C cable (2 m)", "Desk lamp");
  static final List<String> SERVICES = List.of("Annual design course", "Pro plan monthly subscription",
      "Logo design package", "Online photo editing subscription");
  static final List<String> NOT_RECEIVED = List.of("Paid two weeks ago, nothing arrived.", "Where is my order?",
      "Tracking hasn't updated in 10 days.", "The parcel was marked delivered but it is not here.",
      "Still waiting. Please send tracking or refund me.");
  static final List<String> NOT_AS_DESCRIBED = List.of("The sweater arrived with a hole in the sleeve.",
      "Wrong colour and size.", "The lens has scratches that were not in the listing.",
      "It stopped working after two days.", "Half of the set arrived broken.");
  static final List<String> FOLLOW_UPS = List.of("Any update on this?", "I sent photos to your email as well.",
      "I'd accept a partial refund.", "Please respond, it has been a week.",
      "The courier says they never received the parcel from you.", "Thanks, waiting for your answer.");
  static final List<String> CURRENCIES = List.of("USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "AUD");

  private SimCatalogue() {}

  static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /** A plausible amount between 3 and 2,400 in the currency (whole yen for JPY). */
  static String amount(String currency, Random random) {
    double major = 3 + Math.pow(random.nextDouble(), 2.5) * 2397;
    if (currency.equals("JPY")) {
      return String.valueOf(Math.max(300, Math.round(major * 150 / 10) * 10));
    }
    return String.format(java.util.Locale.ROOT, "%.2f", major);
  }

  static String messageFor(SimReason reason, Random random) {
    return switch (reason) {
      case MERCHANDISE_OR_SERVICE_NOT_RECEIVED -> pick(NOT_RECEIVED, random);
      case MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED -> pick(NOT_AS_DESCRIBED, random);
      case UNAUTHORISED -> "I did not make this purchase.";
      case CREDIT_NOT_PROCESSED -> "I returned the item but never got my refund.";
      case DUPLICATE_TRANSACTION -> "I was charged twice for the same order.";
      case INCORRECT_AMOUNT -> "The amount charged is higher than the price shown.";
      case PAYMENT_BY_OTHER_MEANS -> "I already paid for this by card at checkout.";
      case CANCELED_RECURRING_BILLING -> "I cancelled this subscription last month.";
      default -> "There is a problem with this payment.";
    };
  }
}

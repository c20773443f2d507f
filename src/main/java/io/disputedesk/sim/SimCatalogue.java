package io.disputedesk.sim;

import java.util.List;
import java.util.Random;

/**
 * Names, items and buyer messages the seeds and the evolver draw from. A buyer's words always fit
 * the dispute's reason and name its own item: a cancelled subscription is a service and never
 * quotes a courier; a parcel that never came is not "damaged".
 */
final class SimCatalogue {
  static final List<String> BUYERS =
      List.of(
          "Maya Thompson",
          "Lukas Schneider",
          "Aiko Tanaka",
          "Olivia Brown",
          "Liam O'Connor",
          "Sofia Rossi",
          "Noah Williams",
          "Chloé Martin",
          "Jack Wilson",
          "Amelia Clarke",
          "Mateo García",
          "Isla MacLeod",
          "Hiroshi Sato",
          "Emma Dubois",
          "Oliver Smith",
          "Zoe Chen",
          "Ethan Patel",
          "Grace Nakamura",
          "Lucas Silva",
          "Harper Jones",
          "Ava Kowalski",
          "Sebastian Müller",
          "Priya Raman",
          "Mia Johansson",
          "Jamal Wright");
  static final List<String> PRODUCTS =
      List.of(
          "Merino wool sweater",
          "Bluetooth speaker",
          "Ceramic mug set",
          "Running shoes (size 42)",
          "Phone case",
          "Espresso machine",
          "Vintage camera lens",
          "Yoga mat",
          "Mechanical keyboard",
          "Leather wallet",
          "Noise-cancelling headphones",
          "Handmade silver necklace",
          "Cast-iron skillet",
          "Kids' rain jacket",
          "USB-C cable (2 m)",
          "Desk lamp");
  static final List<String> SUBSCRIPTIONS =
      List.of(
          "Pro plan monthly subscription",
          "Online photo editing subscription",
          "Premium recipe club membership");
  static final List<String> CURRENCIES =
      List.of("USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "AUD");

  /** "%s" is the disputed item's name. */
  private static final List<String> NOT_RECEIVED =
      List.of(
          "Paid two weeks ago and the %s never arrived.",
          "Where is my %s?",
          "Tracking for the %s hasn't updated in 10 days.",
          "The parcel was marked delivered but there is no %s here.",
          "Still waiting for the %s. Please send tracking or refund me.");

  private static final List<String> NOT_AS_DESCRIBED =
      List.of(
          "The %s arrived damaged.",
          "The %s looks nothing like the photos in the listing.",
          "The %s stopped working after two days.",
          "The %s has scratches that were not in the listing.",
          "I received the wrong %s.");
  private static final List<String> ANY_FOLLOW_UP =
      List.of(
          "Any update on this?",
          "Please respond, it has been a week.",
          "Thanks, waiting for your answer.");

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

  /** The disputed item a reason fits: a subscription for recurring billing, else a product. */
  static SimDisputeSpec.Item itemFor(SimReason reason, Random random) {
    return reason == SimReason.CANCELED_RECURRING_BILLING
        ? new SimDisputeSpec.Item(pick(SUBSCRIPTIONS, random), "SERVICE")
        : new SimDisputeSpec.Item(pick(PRODUCTS, random), "PRODUCT");
  }

  /** The buyer's first message, in the words of the reason, about {@code item}. */
  static String messageFor(SimReason reason, String item, Random random) {
    String thing = lower(item);
    return switch (reason) {
      case MERCHANDISE_OR_SERVICE_NOT_RECEIVED -> String.format(pick(NOT_RECEIVED, random), thing);
      case MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED ->
          String.format(pick(NOT_AS_DESCRIBED, random), thing);
      case UNAUTHORISED -> "I did not make this purchase and don't recognise the " + thing + ".";
      case CREDIT_NOT_PROCESSED -> "I returned the " + thing + " but never got my refund.";
      case DUPLICATE_TRANSACTION -> "I was charged twice for the same " + thing + ".";
      case INCORRECT_AMOUNT -> "I was charged more for the " + thing + " than the price shown.";
      case PAYMENT_BY_OTHER_MEANS -> "I already paid for the " + thing + " by card at checkout.";
      case CANCELED_RECURRING_BILLING ->
          "I cancelled my " + thing + " last month and was billed again.";
      default -> "There is a problem with this payment.";
    };
  }

  /** A later message from the buyer that still fits the reason. */
  static String followUpFor(SimReason reason, String item, Random random) {
    if (random.nextBoolean()) {
      return pick(ANY_FOLLOW_UP, random);
    }
    String thing = lower(item);
    return switch (reason) {
      case MERCHANDISE_OR_SERVICE_NOT_RECEIVED ->
          random.nextBoolean()
              ? "The courier says they never received the parcel from you."
              : "Still no " + thing + ". I'd accept a refund.";
      case MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED ->
          random.nextBoolean()
              ? "I sent photos of the " + thing + " to your email as well."
              : "I'd accept a partial refund.";
      case UNAUTHORISED -> "My bank confirmed the card was used without my permission.";
      case CREDIT_NOT_PROCESSED -> "The return tracking shows you received the " + thing + ".";
      case DUPLICATE_TRANSACTION -> "Both charges are on my statement.";
      case INCORRECT_AMOUNT -> "The listing showed a lower price; I have a screenshot.";
      case PAYMENT_BY_OTHER_MEANS -> "I can send the card receipt from checkout.";
      case CANCELED_RECURRING_BILLING ->
          "I have the cancellation confirmation email if you need it.";
      default -> pick(ANY_FOLLOW_UP, random);
    };
  }

  /** "Desk lamp" → "desk lamp" inside a sentence; an acronym such as "USB-C cable" stays. */
  private static String lower(String item) {
    boolean acronym = item.length() > 1 && Character.isUpperCase(item.charAt(1));
    return item.isEmpty() || acronym
        ? item
        : Character.toLowerCase(item.charAt(0)) + item.substring(1);
  }
}

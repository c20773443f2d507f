package io.disputedesk.slack.actions;

import io.disputedesk.order.OrderFacts;
import io.disputedesk.paypal.Carriers;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.slack.OrderWords;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Also add this tracking to PayPal" in the evidence form: offered for proof of fulfilment when the
 * bot knows the payment's transaction, and read into the tracker to add ({@code POST
 * /v1/shipping/trackers}) with the carrier as PayPal's Shipment Tracking code, or {@code OTHER}
 * with its name. A tracking number PayPal already holds is refused on the checkbox.
 */
final class TrackerForm {
  /** The only evidence that ships to the buyer (a return is the buyer's shipment). */
  static final String SHIPPED_TYPE = "PROOF_OF_FULFILLMENT";

  private static final Pattern TRANSACTION_ID = Pattern.compile("^[A-Za-z0-9]{1,50}$");
  private static final int MAX = 64;

  /** What the box asks for: a tracker to add, or the errors to show on the form's inputs. */
  record Choice(NewTracker tracker, Map<String, String> errors) {
    static final Choice NONE = new Choice(null, Map.of());

    static Choice error(String block, String message) {
      return new Choice(null, Map.of(block, message));
    }
  }

  private TrackerForm() {}

  /**
   * True when the form offers the box: proof of fulfilment, and a transaction to add tracking to.
   */
  static boolean offered(String type, EvidencePrefill known) {
    return SHIPPED_TYPE.equals(type) && transactionId(known).isPresent();
  }

  /** The box's hint: what PayPal holds for the payment now. */
  static String hint(EvidencePrefill known) {
    List<OrderFacts.Shipment> held = known.facts() == null ? List.of() : known.facts().outbound();
    String numbers =
        held.stream()
            .filter(s -> s.trackingNumber() != null)
            .map(s -> (s.carrier() == null ? "" : carrier(s) + " ") + s.trackingNumber())
            .distinct()
            .limit(3)
            .reduce((a, b) -> a + ", " + b)
            .orElse(null);
    return numbers == null
        ? "PayPal holds no tracking for this payment. Tick to add this shipment (as shipped) with the evidence."
        : "PayPal holds " + numbers + ". Tick only for a tracking number PayPal does not have yet.";
  }

  /**
   * The carrier as the card names it ("Japan Post"), not PayPal's code ({@code JPN_JAPAN_POST}).
   */
  private static String carrier(OrderFacts.Shipment s) {
    return OrderWords.carrier(s.carrier());
  }

  /**
   * The tracker the ticked box asks for. {@code strict} (a form being submitted) refuses a number
   * PayPal already holds on the box; otherwise (a saved draft being sent) that number is simply not
   * added again.
   */
  static Choice read(FormReader form, String type, EvidencePrefill known, boolean strict) {
    if (!SHIPPED_TYPE.equals(type) || !form.checked(ModalFields.ADD_TRACKER)) {
      return Choice.NONE;
    }
    Optional<String> transaction = transactionId(known);
    if (transaction.isEmpty()) {
      return Choice.error(
          ModalFields.ADD_TRACKER,
          "The bot does not know this payment's PayPal transaction, so it"
              + " cannot add tracking to it. Untick this box, or add the tracking in PayPal.");
    }
    String carrier = form.text(ModalFields.CARRIER).orElse("");
    String number = form.text(ModalFields.TRACKING).orElse("");
    if (carrier.isEmpty() || number.isEmpty()) {
      return Choice.NONE; // the evidence's own checks ask for them
    }
    if (number.length() > MAX) {
      return Choice.error(
          ModalFields.TRACKING,
          "PayPal's tracking takes numbers of at most "
              + MAX
              + " characters; untick \"Also add this tracking to PayPal\" to send it with the evidence only.");
    }
    if (Carriers.trackerCode(carrier).isEmpty() && carrier.length() > MAX) {
      return Choice.error(
          ModalFields.CARRIER,
          "PayPal's tracking takes carrier names of at most " + MAX + " characters.");
    }
    Optional<OrderFacts.Shipment> held =
        known.facts().outbound().stream()
            .filter(s -> s.trackingNumber() != null && same(s.trackingNumber(), number))
            .findFirst();
    if (held.isPresent()) {
      return strict
          ? Choice.error(
              ModalFields.ADD_TRACKER,
              "PayPal already holds tracking number "
                  + number
                  + (held.get().carrier() == null ? "" : " (" + carrier(held.get()) + ")")
                  + " for this payment; untick this box.")
          : Choice.NONE;
    }
    return new Choice(NewTracker.typed(transaction.get(), carrier, number), Map.of());
  }

  /** The valid evidence form with the tracker its box asks for, or the box's errors. */
  static FormResult withTracker(
      FormResult.Valid valid, FormReader form, EvidencePrefill known, boolean strict) {
    Choice choice = read(form, form.selected(ModalFields.EVIDENCE_TYPE).orElse(""), known, strict);
    return choice.errors().isEmpty()
        ? valid.withTracker(choice.tracker())
        : new FormResult.Invalid(choice.errors());
  }

  private static Optional<String> transactionId(EvidencePrefill known) {
    return Optional.ofNullable(known.facts())
        .map(OrderFacts::transactionId)
        .filter(id -> TRANSACTION_ID.matcher(id).matches());
  }

  private static boolean same(String a, String b) {
    return normal(a).equals(normal(b));
  }

  /** Tracking numbers compare without spaces and case, as carriers print them differently. */
  private static String normal(String s) {
    return s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }
}

package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_1;
import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_2;
import static io.disputedesk.slack.actions.ModalFields.CITY;
import static io.disputedesk.slack.actions.ModalFields.COUNTRY;
import static io.disputedesk.slack.actions.ModalFields.POSTAL_CODE;
import static io.disputedesk.slack.actions.ModalFields.REGION;

import io.disputedesk.paypal.Address;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the return shipping address inputs; PayPal needs at least a street and a two-letter country. */
final class AddressForm {
  private AddressForm() {}

  /** The address, or null with errors added for the missing parts. */
  static Address read(FormReader form, Map<String, String> errors) {
    Optional<String> line1 = form.text(ADDRESS_LINE_1);
    Optional<String> country = form.text(COUNTRY).map(c -> c.toUpperCase(Locale.ROOT));
    boolean ok = true;
    if (line1.isEmpty()) {
      errors.put(ADDRESS_LINE_1, "This kind of refund needs the address the item goes back to.");
      ok = false;
    }
    if (country.isEmpty() || !country.get().matches("^[A-Z]{2}$")) {
      errors.put(COUNTRY, "Enter the two-letter country code, e.g. US or DE.");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new Address(line1.get(), form.text(ADDRESS_LINE_2).orElse(null), form.text(CITY).orElse(null),
        form.text(REGION).orElse(null), form.text(POSTAL_CODE).orElse(null), country.get());
  }
}

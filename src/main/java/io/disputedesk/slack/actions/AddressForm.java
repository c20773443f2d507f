package io.disputedesk.slack.actions;

import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_1;
import static io.disputedesk.slack.actions.ModalFields.ADDRESS_LINE_2;
import static io.disputedesk.slack.actions.ModalFields.CITY;
import static io.disputedesk.slack.actions.ModalFields.COUNTRY;
import static io.disputedesk.slack.actions.ModalFields.POSTAL_CODE;
import static io.disputedesk.slack.actions.ModalFields.REGION;

import io.disputedesk.paypal.Address;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the return shipping address inputs. PayPal needs a street, a city and a two-letter country
 * code to ship to (INVALID_RETURN_SHIPPING_ADDRESS_FORMAT otherwise), within address_portable's
 * lengths, which the inputs themselves enforce. The code must name a country: two letters such as
 * XX or UK would send the buyer's return nowhere.
 */
final class AddressForm {
  static final int LINE_MAX = 300;
  static final int CITY_MAX = 120;
  static final int POSTAL_MAX = 60;
  static final List<String> BLOCKS =
      List.of(ADDRESS_LINE_1, ADDRESS_LINE_2, CITY, REGION, POSTAL_CODE, COUNTRY);

  /** ISO 3166-1 alpha-2 codes, and the two PayPal adds: C2 (China worldwide) and XK (Kosovo). */
  private static final Set<String> COUNTRIES =
      Stream.concat(Arrays.stream(Locale.getISOCountries()), Stream.of("C2", "XK"))
          .collect(Collectors.toUnmodifiableSet());

  private AddressForm() {}

  /** True when any address input has text. */
  static boolean anyTyped(FormReader form) {
    return BLOCKS.stream().anyMatch(b -> form.text(b).isPresent());
  }

  /**
   * The address, or null with errors added for the missing parts; {@code why} says why it is
   * needed.
   */
  static Address read(FormReader form, Map<String, String> errors, String why) {
    Optional<String> line1 = form.text(ADDRESS_LINE_1);
    Optional<String> city = form.text(CITY);
    Optional<String> country = form.text(COUNTRY).map(c -> c.toUpperCase(Locale.ROOT));
    boolean ok = true;
    if (line1.isEmpty()) {
      errors.put(ADDRESS_LINE_1, why);
      ok = false;
    }
    if (city.isEmpty()) {
      errors.put(CITY, "Enter the city or town the item goes back to.");
      ok = false;
    }
    if (country.isEmpty() || !country.get().matches("^[A-Z0-9]{2}$")) {
      errors.put(COUNTRY, "Enter the two-letter country code, e.g. US, GB or DE.");
      ok = false;
    } else if (!COUNTRIES.contains(country.get())) {
      errors.put(
          COUNTRY,
          "“"
              + country.get()
              + "” is not a country code; enter the country's two-letter ISO code, e.g. US, GB or DE"
              + (country.get().equals("UK") ? " (the United Kingdom is GB)." : "."));
      ok = false;
    }
    if (!ok) {
      return null;
    }
    return new Address(
        line1.get(),
        form.text(ADDRESS_LINE_2).orElse(null),
        city.get(),
        form.text(REGION).orElse(null),
        form.text(POSTAL_CODE).orElse(null),
        country.get());
  }
}

package io.disputedesk.order;

/**
 * The full address PayPal shipped the order to. Personal data: kept apart from {@link OrderFacts},
 * for agents' own use (evidence), never drawn in the channel.
 */
public record ShippingAddress(
    String name,
    String line1,
    String line2,
    String city,
    String state,
    String postalCode,
    String countryCode) {

  /** Leaves the address out: it must not reach logs. */
  @Override
  public String toString() {
    return "ShippingAddress[" + countryCode + "]";
  }
}

package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A postal address in PayPal's portable form; {@code countryCode} is required by PayPal. */
public record Address(
    // Explicit names: snake_case naming would write address_line1, but PayPal spells
    // address_line_1.
    @JsonProperty("address_line_1") String addressLine1,
    @JsonProperty("address_line_2") String addressLine2,
    @JsonProperty("admin_area_2") String adminArea2,
    @JsonProperty("admin_area_1") String adminArea1,
    String postalCode,
    String countryCode) {}

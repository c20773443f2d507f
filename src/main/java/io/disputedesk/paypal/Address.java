package io.disputedesk.paypal;

/** A postal address in PayPal's portable form; {@code countryCode} is required by PayPal. */
public record Address(
    String addressLine1,
    String addressLine2,
    String adminArea2,
    String adminArea1,
    String postalCode,
    String countryCode) {}

package io.disputedesk.sim;

/** A postal address in the simulator's orders; {@code state} and {@code postalCode} may be null. */
record SimAddress(String line1, String city, String state, String postalCode, String countryCode) {}

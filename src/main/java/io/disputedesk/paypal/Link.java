package io.disputedesk.paypal;

/** A HATEOAS link; on a dispute, each one names an action PayPal currently allows. */
public record Link(String href, String rel, String method) {}

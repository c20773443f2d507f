/**
 * A stateful PayPal Disputes API simulator for end-to-end tests and the no-accounts demo.
 *
 * <p>{@link io.disputedesk.sim.PayPalSimulator#start} serves PayPal's real wire format on
 * 127.0.0.1: OAuth tokens, the dispute list and details, every seller action (JSON or multipart)
 * gated by the HATEOAS links, sandbox adjudicate/require-evidence, webhook verification, ERRDIS
 * test values and injected faults. It deliberately shares no code with {@code
 * io.disputedesk.paypal}, so a bug in the bot's wire model cannot hide behind the same bug here.
 * {@link io.disputedesk.sim.SimSeeds} and {@link io.disputedesk.sim.SimEvolver} fill it with
 * believable disputes and keep them moving.
 */
package io.disputedesk.sim;

package io.disputedesk.slack;

/**
 * The thread replies about tracking added to PayPal with evidence. Each says which part went
 * through: the evidence already has its own reply, and a tracker PayPal refused never undoes it.
 */
public final class TrackerMessages {

  /** "UPS 1Z999…", escaped. */
  private static String shipment(String carrier, String trackingNumber) {
    return Mrkdwn.escape(carrier + " " + trackingNumber);
  }

  public SlackPost added(String requestedBy, String carrier, String trackingNumber) {
    return SlackPost.text(
        ":package: Added tracking "
            + shipment(carrier, trackingNumber)
            + " to PayPal for this"
            + " payment, as "
            + Mrkdwn.mention(requestedBy)
            + " asked with the evidence.");
  }

  /** PayPal did not add it; {@code why} is its reason in plain words (ending with any debug id). */
  public SlackPost failed(String requestedBy, String carrier, String trackingNumber, String why) {
    return SlackPost.text(
        ":warning: The evidence went to PayPal, but adding tracking "
            + shipment(carrier, trackingNumber)
            + " to PayPal did not work: "
            + Mrkdwn.endSentence(Mrkdwn.escape(why))
            + " The evidence stands; "
            + Mrkdwn.mention(requestedBy)
            + ", add the tracking in PayPal (the payment's"
            + " *Add tracking*) if the buyer should see it.");
  }
}

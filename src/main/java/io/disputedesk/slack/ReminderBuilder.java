package io.disputedesk.slack;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.Words;
import java.time.Instant;

/** The thread reply that reminds the owner (or the channel, when nobody owns it) of a deadline. */
public final class ReminderBuilder {
  /**
   * The reminder; it says the time actually left, which after downtime may be less than the
   * threshold.
   */
  public SlackPost build(DisputeLine d, Instant now) {
    return build(d, now, 0);
  }

  /** The reminder, saying how many evidence drafts on the dispute are not sent yet (when any). */
  public SlackPost build(DisputeLine d, Instant now, int unsentDrafts) {
    return build(
        d, now, d.ownerUserId() == null ? "<!here>" : Mrkdwn.owner(d.ownerUserId()), unsentDrafts);
  }

  /**
   * The reminder in the dispute's other channels (routed to several): the same words, with the
   * owner mentioned only in the first channel's thread, so an owner is reminded once, not once per
   * channel.
   */
  public SlackPost forOtherChannels(DisputeLine d, Instant now, int unsentDrafts) {
    if (d.ownerUserId() == null) {
      return build(d, now, unsentDrafts);
    }
    SlackPost post = build(d, now, "", unsentDrafts);
    return SlackPost.text(
        post.text().strip() + " Its owner was reminded in the dispute's first channel.");
  }

  private SlackPost build(DisputeLine d, Instant now, String who, int unsentDrafts) {
    boolean overdue = !d.sellerDue().isAfter(now);
    StringBuilder text =
        new StringBuilder()
            .append(who)
            .append(who.isEmpty() ? ":alarm_clock: *" : " :alarm_clock: *")
            .append(Words.left(d.sellerDue(), now))
            .append('*')
            .append(overdue ? ": respond to PayPal on " : " to respond to PayPal on ")
            .append(Mrkdwn.escape(d.disputeId()))
            .append(" (")
            .append(Words.money(d.amount()))
            .append(", ")
            .append(Words.reason(d.reason()))
            .append(", ")
            .append(Words.stage(d.stage()))
            .append("). Due ")
            .append(Times.dateTime(d.sellerDue()))
            .append('.');
    if (d.ownerUserId() == null) {
      text.append(" Nobody owns it yet: `/disputes assign ")
          .append(Mrkdwn.escape(d.disputeId()))
          .append(" @person`.");
    }
    if (unsentDrafts > 0) {
      text.append(" :memo: ")
          .append(DraftMessages.notSent(unsentDrafts))
          .append(": send ")
          .append(unsentDrafts == 1 ? "it" : "them")
          .append(" with *Submit to PayPal* in this thread.");
    }
    return SlackPost.text(text.toString());
  }
}

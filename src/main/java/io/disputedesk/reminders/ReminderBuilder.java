package io.disputedesk.reminders;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.SlackPost;
import io.disputedesk.slack.Times;
import io.disputedesk.slack.Words;
import java.time.Instant;

/** The thread reply that reminds the owner (or the channel, when nobody owns it) of a deadline. */
public final class ReminderBuilder {
  /** The reminder; it says the time actually left, which after downtime may be less than the threshold. */
  public SlackPost build(DisputeLine d, Instant now) {
    return build(d, now, d.ownerUserId() == null ? "<!here>" : Words.owner(d.ownerUserId()));
  }

  /**
   * The reminder in the dispute's other channels (routed to several): the same words, with the
   * owner mentioned only in the first channel's thread, so an owner is reminded once, not once per channel.
   */
  public SlackPost forOtherChannels(DisputeLine d, Instant now) {
    if (d.ownerUserId() == null) {
      return build(d, now);
    }
    SlackPost post = build(d, now, "");
    return SlackPost.text(post.text().strip() + " Its owner was reminded in the dispute's first channel.");
  }

  private SlackPost build(DisputeLine d, Instant now, String who) {
    boolean overdue = !d.sellerDue().isAfter(now);
    StringBuilder text = new StringBuilder()
        .append(who).append(who.isEmpty() ? ":alarm_clock: *" : " :alarm_clock: *")
        .append(Times.left(d.sellerDue(), now)).append('*')
        .append(overdue ? ": respond to PayPal on " : " to respond to PayPal on ")
        .append(Mrkdwn.escape(d.disputeId())).append(" (")
        .append(Words.money(d.amountMinor(), d.currency())).append(", ")
        .append(Words.reason(d.reason())).append(", ").append(Words.stage(d.stage()))
        .append("). Due ").append(Times.dateTime(d.sellerDue())).append('.');
    if (d.ownerUserId() == null) {
      text.append(" Nobody owns it yet: `/disputes assign ").append(Mrkdwn.escape(d.disputeId())).append(" @person`.");
    }
    return SlackPost.text(text.toString());
  }
}

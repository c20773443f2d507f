package io.disputedesk.reminders;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.slack.SlackPost;
import io.disputedesk.slack.format.SlackText;
import java.time.Duration;
import java.time.Instant;

/** The thread reply that reminds the owner (or the channel, when nobody owns it) of a deadline. */
public final class ReminderBuilder {
  /** The reminder; it says the time actually left, which after downtime may be less than the threshold. */
  public SlackPost build(DisputeLine d, Instant now) {
    return build(d, now, d.ownerUserId() == null ? "<!here>" : SlackText.mention(d.ownerUserId()));
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
    long epoch = d.sellerDue().getEpochSecond();
    String when = "<!date^" + epoch + "^{date_short_pretty} {time}|" + d.sellerDue() + ">";
    String left = SlackText.span(Duration.between(now, d.sellerDue()));
    StringBuilder text = new StringBuilder()
        .append(who).append(who.isEmpty() ? ":alarm_clock: *" : " :alarm_clock: *").append(left).append(" left* to respond to PayPal on ")
        .append(SlackText.escape(d.disputeId())).append(" (")
        .append(SlackText.money(d.amountMinor(), d.currency())).append(", ")
        .append(SlackText.reason(d.reason())).append("). Due ").append(when).append('.');
    if (d.ownerUserId() == null) {
      text.append(" Nobody owns it yet: `/disputes assign ").append(SlackText.escape(d.disputeId())).append(" @person`.");
    }
    return SlackPost.text(text.toString());
  }
}

package io.disputedesk.slack;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.Snooze;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.DisputeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One dispute as one mrkdwn line: amount, reason, stage, status, deadline or outcome, owner and a
 * link to its card.
 */
public final class DisputeLines {
  private final Permalinks permalinks;
  private final boolean showAccount;

  public DisputeLines(Permalinks permalinks) {
    this(permalinks, false);
  }

  /** {@code showAccount}: each line names its PayPal account (the bot serves several). */
  public DisputeLines(Permalinks permalinks, boolean showAccount) {
    this.permalinks = permalinks;
    this.showAccount = showAccount;
  }

  /**
   * {@code *49.99 USD* · Item not received · Inquiry · Waiting for our response ·
   * :large_yellow_circle: 2 days 4 h left · @owner · PP-D-1 (linked)}.
   */
  public String compact(DisputeLine line, Instant now) {
    return compact(line, now, true);
  }

  /**
   * The line; without {@code mentionOwner} the owner is not mentioned (a mention in a channel
   * message notifies them), only said to exist.
   */
  public String compact(DisputeLine line, Instant now, boolean mentionOwner) {
    return compact(line, now, mentionOwner, null);
  }

  /**
   * The line with the dispute's {@code snooze} (nullable) marked after its deadline while it
   * sleeps, as the card says it.
   */
  public String compact(DisputeLine line, Instant now, boolean mentionOwner, Snooze snooze) {
    List<String> parts = new ArrayList<>();
    if (showAccount && line.account() != null) {
      parts.add("`" + Mrkdwn.escape(line.account()) + "`");
    }
    parts.add("*" + Words.money(line.amount()) + "*");
    parts.add(Words.reason(line.reason()));
    parts.add(Words.stage(line.stage()));
    parts.add(Words.status(line.status()));
    parts.add(line.isResolved() ? Words.outcome(line.resolution()) : deadline(line, now));
    String snoozed = snooze == null || line.isResolved() ? null : SnoozeMessages.lineMark(snooze);
    if (snoozed != null) {
      parts.add(snoozed);
    }
    parts.add(
        mentionOwner || line.ownerUserId() == null
            ? Mrkdwn.owner(line.ownerUserId())
            : Words.ASSIGNED);
    parts.add(link(line));
    return String.join(" · ", parts);
  }

  /** The id linked to the card, or the bare id before the card is posted. */
  public String link(DisputeLine line) {
    return permalinks.cardLink(line.disputeId(), line.cardChannel(), line.cardTs());
  }

  /** The deadline that matters now: the buyer's while PayPal waits for the buyer, else ours. */
  public static String deadline(DisputeLine line, Instant now) {
    if (line.status() == DisputeStatus.WAITING_FOR_BUYER_RESPONSE && line.buyerDue() != null) {
      return "Buyer: " + Words.left(line.buyerDue(), now);
    }
    return Urgency.deadline(line.sellerDue(), now);
  }
}

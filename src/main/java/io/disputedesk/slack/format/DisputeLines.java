package io.disputedesk.slack.format;

import io.disputedesk.dispute.DisputeLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One dispute as one mrkdwn line: amount, reason, status, deadline, owner and a link to its card. */
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

  /** {@code *49.99 USD* · Not received · Waiting for us · due in 2d 4h · @owner · PP-D-1 (linked)}. */
  public String compact(DisputeLine line, Instant now) {
    return compact(line, now, true);
  }

  /**
   * The line; without {@code mentionOwner} the owner is not mentioned (a mention in a channel
   * message notifies them), only said to exist.
   */
  public String compact(DisputeLine line, Instant now, boolean mentionOwner) {
    List<String> parts = new ArrayList<>();
    if (showAccount && line.account() != null) {
      parts.add("`" + SlackText.escape(line.account()) + "`");
    }
    parts.add("*" + SlackText.money(line.amountMinor(), line.currency()) + "*");
    parts.add(SlackText.reason(line.reason()));
    parts.add(SlackText.status(line.status()));
    if (line.isResolved()) {
      parts.add(SlackText.outcome(line.outcomeCode()));
    } else {
      parts.add(deadline(line, now));
    }
    parts.add(mentionOwner || line.ownerUserId() == null ? owner(line) : "assigned");
    parts.add(link(line));
    return String.join(" · ", parts);
  }

  /** The id linked to the card, or the bare id before the card is posted. */
  public String link(DisputeLine line) {
    return permalinks.cardLink(line.disputeId(), line.cardChannel(), line.cardTs());
  }

  /** The deadline that matters now: the seller's while PayPal waits for us, else the buyer's. */
  public static String deadline(DisputeLine line, Instant now) {
    if (line.isOverdue(now)) {
      return ":warning: " + SlackText.dueIn(line.sellerDue(), now);
    }
    if ("WAITING_FOR_BUYER_RESPONSE".equals(line.status()) && line.buyerDue() != null) {
      return "buyer " + SlackText.dueIn(line.buyerDue(), now);
    }
    return SlackText.dueIn(line.sellerDue(), now);
  }

  public static String owner(DisputeLine line) {
    return line.ownerUserId() == null ? "_unassigned_" : SlackText.mention(line.ownerUserId());
  }
}

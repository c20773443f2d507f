package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.slack.format.BlockKit;
import io.disputedesk.slack.format.DisputeLines;
import io.disputedesk.slack.format.SlackText;
import java.time.Instant;

/** A compact view of one dispute for {@code /disputes show}: amount, reason, status, stage, deadline, owner, card. */
public final class DisputeSummaryBuilder {
  private final DisputeLines lines;

  public DisputeSummaryBuilder(DisputeLines lines) {
    this.lines = lines;
  }

  public Reply build(DisputeLine d, Instant now) {
    ArrayNode blocks = BlockKit.array();
    String money = SlackText.money(d.amountMinor(), d.currency());
    blocks.add(BlockKit.header(d.disputeId() + " · " + money));
    ObjectNode facts = BlockKit.section(lines.link(d) + (d.hasCard() ? " (open the card to act on it)" : ""));
    ArrayNode fields = facts.putArray("fields");
    fields.add(BlockKit.mrkdwn("*Reason*\n" + SlackText.reason(d.reason())));
    fields.add(BlockKit.mrkdwn("*Status*\n" + SlackText.status(d.status())));
    fields.add(BlockKit.mrkdwn("*Stage*\n" + (d.stage() == null ? "—" : SlackText.escape(d.stage()))));
    fields.add(BlockKit.mrkdwn(d.isResolved()
        ? "*Outcome*\n" + SlackText.outcome(d.outcomeCode())
        : "*Deadline*\n" + DisputeLines.deadline(d, now)));
    fields.add(BlockKit.mrkdwn("*Owner*\n" + DisputeLines.owner(d)));
    blocks.add(facts);
    String text = d.disputeId() + ": " + money + ", " + SlackText.reason(d.reason()) + ", " + SlackText.status(d.status());
    return new Reply(text, blocks, false);
  }
}

package io.disputedesk.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.Resolution;
import io.disputedesk.dispute.Snooze;
import io.disputedesk.dispute.SnoozeLookup;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a dispute's Slack card (the one place card Block Kit is made, its buttons row in {@link
 * CardButtonRow}): what the dispute is, how urgent, who owns it, what the buyer said last, and the
 * buttons PayPal's links allow right now.
 */
public final class CardBuilder {
  static final int EXCERPT_CHARS = 500;
  static final String ACTIONS_BLOCK = "dd_card_actions";
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  private final Clock clock;
  private final PayPalLinks links;
  private final CardButtonRow row;
  private final OrderBlocks order;

  /** Null for cards without snoozing (tools and tests that do not snooze). */
  private final SnoozeLookup snoozes;

  /**
   * Cards without the order section (tools and tests that do not read order facts), offering {@code
   * buttons}' actions in their order where the dispute allows them.
   */
  public CardBuilder(Clock clock, PayPalLinks links, List<? extends CardButton> buttons) {
    this(clock, links, buttons, OrderBlocks.none());
  }

  /** Cards with the order section and the checklist of what wins, drawn by {@code order}. */
  public CardBuilder(
      Clock clock, PayPalLinks links, List<? extends CardButton> buttons, OrderBlocks order) {
    this(clock, links, buttons, order, null);
  }

  /** As above, with the Snooze button and each dispute's snooze from {@code snoozes}. */
  public CardBuilder(
      Clock clock,
      PayPalLinks links,
      List<? extends CardButton> buttons,
      OrderBlocks order,
      SnoozeLookup snoozes) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.links = Objects.requireNonNull(links, "links");
    this.row = new CardButtonRow(this.links, buttons, snoozes != null);
    this.order = Objects.requireNonNull(order, "order");
    this.snoozes = snoozes;
  }

  /** The card for the dispute's stored state, with fallback text for notifications. */
  public SlackPost card(StoredDispute stored) {
    Dispute d = stored.dispute();
    ArrayNode blocks = BlockKit.array();
    blocks.add(BlockKit.header(amount(d) + " · " + Words.reason(d.reason())));
    blocks.add(BlockKit.fields(fields(d, stored.ownerUserId())));
    Optional<Snooze> snooze =
        snoozes == null || d.isResolved() ? Optional.empty() : snoozes.find(d.disputeId());
    snooze
        .map(SnoozeMessages::cardLine)
        .ifPresent(line -> blocks.add(BlockKit.context(List.of(line))));
    d.latestBuyerMessage().ifPresent(m -> blocks.add(BlockKit.section(buyerExcerpt(m))));
    if (d.isResolved()) {
      blocks.add(BlockKit.section(outcome(d)));
    }
    order.blocks(stored).forEach(blocks::add);
    blocks.add(
        BlockKit.context(
            List.of(
                "`"
                    + Mrkdwn.escape(d.disputeId())
                    + "` · <"
                    + links.dispute(d.disputeId())
                    + "|View in PayPal's Resolution Center>")));
    List<ObjectNode> actions =
        row.draw(d, stored.ownerUserId(), snooze.filter(Snooze::asleep).isPresent());
    if (!actions.isEmpty()) {
      blocks.add(BlockKit.actions(ACTIONS_BLOCK, actions));
    }
    return new SlackPost(fallbackText(d), blocks.toString());
  }

  private List<String> fields(Dispute d, String owner) {
    List<String> fields = new ArrayList<>();
    fields.add("*" + Words.STAGE + "*\n" + Words.stage(d.disputeLifeCycleStage()));
    fields.add("*" + Words.STATUS + "*\n" + Words.status(d.status()));
    Optional<Dispute.DisputedTransaction> txn = d.firstTransaction();
    String buyer =
        txn.map(Dispute.DisputedTransaction::buyer).map(Dispute.Buyer::name).orElse(null);
    fields.add("*Buyer*\n" + (buyer == null ? "Unknown" : Mrkdwn.escapeAndCut(buyer, 200)));
    String txnId = txn.map(Dispute.DisputedTransaction::transactionId).orElse(null);
    fields.add("*Transaction*\n" + (txnId == null ? "Unknown" : Mrkdwn.escapeAndCut(txnId, 200)));
    fields.add(
        "*"
            + Words.OPENED
            + "*\n"
            + (d.createTime() == null ? "Unknown" : Times.date(d.createTime())));
    fields.add("*" + Words.RESPOND_BY + "*\n" + deadline(d));
    fields.add("*" + Words.OWNER + "*\n" + owner(owner));
    return fields;
  }

  private String deadline(Dispute d) {
    Instant due = d.sellerResponseDueDate();
    if (d.isResolved() || due == null) {
      return Words.left(null, clock.instant());
    }
    Instant now = clock.instant();
    return Urgency.of(due, now).emoji() + " *" + Words.left(due, now) + "*\n" + Times.dateTime(due);
  }

  private static String owner(String owner) {
    if (owner == null || USER_ID.matcher(owner).matches()) {
      return Mrkdwn.owner(owner);
    }
    return Mrkdwn.escapeAndCut(owner, 100);
  }

  private static String buyerExcerpt(Dispute.Message m) {
    String when = m.timePosted() == null ? "" : " · " + Times.dateTime(m.timePosted());
    return "*Latest from the buyer*"
        + when
        + "\n"
        + Mrkdwn.quote(Mrkdwn.escapeAndCut(m.content(), EXCERPT_CHARS));
  }

  private static String outcome(Dispute d) {
    Dispute.DisputeOutcome outcome = d.disputeOutcome();
    StringBuilder text =
        new StringBuilder("*" + Words.OUTCOME + "*\n").append(Words.outcome(Resolution.of(d)));
    Money refunded = outcome == null ? null : outcome.amountRefunded();
    if (refunded != null && refunded.value().compareTo(BigDecimal.ZERO) > 0) {
      text.append("\nRefunded to the buyer: *")
          .append(Mrkdwn.escape(Words.money(refunded)))
          .append('*');
    }
    return text.toString();
  }

  private static String fallbackText(Dispute d) {
    return Mrkdwn.escapeAndCut(
        amount(d)
            + " "
            + Words.reason(d.reason()).toLowerCase(Locale.ROOT)
            + " dispute "
            + d.disputeId()
            + ": "
            + Words.status(d.status()),
        BlockLimits.SECTION_TEXT);
  }

  private static String amount(Dispute d) {
    return Words.money(d.disputeAmount());
  }
}

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
 * Builds a dispute's Slack card (the one place card Block Kit is made): what the dispute is, how
 * urgent, who owns it, what the buyer said last, and the buttons PayPal's links allow right now.
 */
public final class CardBuilder {
  /** Action buttons shown before the rest goes into the overflow menu. */
  static final int VISIBLE_ELEMENTS = 6;

  static final int EXCERPT_CHARS = 500;
  static final String ACTIONS_BLOCK = "dd_card_actions";
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  /** A button or overflow option waiting to be placed. */
  private record Element(String actionId, String label, ObjectNode button, boolean movable) {}

  private final Clock clock;
  private final PayPalLinks links;
  private final List<CardButton> buttons;
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
    this.buttons = List.copyOf(buttons);
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
        actions(d, stored.ownerUserId(), snooze.filter(Snooze::asleep).isPresent());
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

  private List<ObjectNode> actions(Dispute d, String owner, boolean asleep) {
    String id = d.disputeId();
    List<Element> elements = new ArrayList<>();
    for (CardButton a : buttons) {
      if (linked(a) && d.allows(a.kind().action())) {
        elements.add(paypalElement(a, d));
      }
    }
    if (d.isResolved()) {
      // A closed case keeps only what PayPal still allows (an appeal) and the way to PayPal.
      if (elements.isEmpty()) {
        return List.of();
      }
      List<ObjectNode> out = new ArrayList<>(elements.stream().map(Element::button).toList());
      out.add(openInPayPal(id));
      return out;
    }
    List<Element> extras = new ArrayList<>();
    if (owner == null) {
      elements.add(
          new Element(
              Ids.ASSIGN_ME,
              "Assign to me",
              BlockKit.button(Ids.ASSIGN_ME, "Assign to me", id),
              false));
    } else {
      elements.add(
          new Element(
              Ids.REASSIGN, "Reassign", BlockKit.button(Ids.REASSIGN, "Reassign", id), false));
      extras.add(
          new Element(
              Ids.UNASSIGN, "Unassign", BlockKit.button(Ids.UNASSIGN, "Unassign", id), true));
    }
    for (CardButton a : buttons) {
      if (!linked(a) && d.allows(a.kind().action())) {
        extras.add(paypalElement(a, d));
      }
    }
    if (snoozes != null) {
      String snooze = asleep ? Ids.UNSNOOZE : Ids.SNOOZE;
      String label = asleep ? "Unsnooze" : "Snooze";
      extras.add(new Element(snooze, label, BlockKit.button(snooze, label, id), true));
    }
    extras.add(
        new Element(Ids.REFRESH, "Refresh", BlockKit.button(Ids.REFRESH, "Refresh", id), true));
    return place(elements, extras, id);
  }

  /**
   * Shows up to {@link #VISIBLE_ELEMENTS} elements; the rest (never a confirmed action) overflow.
   */
  private List<ObjectNode> place(List<Element> main, List<Element> extras, String disputeId) {
    List<Element> visible = new ArrayList<>(main);
    List<Element> overflow = new ArrayList<>();
    // +1 for the Open in PayPal link button, always shown last.
    if (visible.size() + extras.size() + 1 > VISIBLE_ELEMENTS) {
      overflow.addAll(extras);
      for (int i = visible.size() - 1;
          i >= 0
              && visible.size() + 2 > VISIBLE_ELEMENTS
              && overflow.size() < BlockLimits.OVERFLOW_OPTIONS;
          i--) {
        if (visible.get(i).movable()) {
          overflow.add(0, visible.remove(i));
        }
      }
    } else {
      visible.addAll(extras);
    }
    List<ObjectNode> out = new ArrayList<>(visible.stream().map(Element::button).toList());
    out.add(openInPayPal(disputeId));
    if (overflow.size() == 1) {
      out.add(out.size() - 1, overflow.get(0).button());
    } else if (!overflow.isEmpty()) {
      out.add(
          BlockKit.overflow(
              Ids.MORE_ACTIONS,
              overflow.stream()
                  .map(
                      e ->
                          BlockKit.option(
                              e.label(),
                              Mrkdwn.cut(
                                  new OverflowChoice(e.actionId(), disputeId).value(),
                                  BlockLimits.OPTION_VALUE)))
                  .toList()));
    }
    return out;
  }

  /**
   * True when PayPal announces the action by a link, which the button follows; one that no link
   * announces (the partial update) sits with the card's tools while the case is open.
   */
  private static boolean linked(CardButton a) {
    return a.kind().action().isLinkGated();
  }

  /**
   * A PayPal action's button, labelled with the action's one name; one that asks first never moves
   * to the overflow menu.
   */
  private static Element paypalElement(CardButton a, Dispute d) {
    String label = a.kind().title();
    ObjectNode button = BlockKit.button(a.buttonId(), label, d.disputeId());
    if (a.style() != null) {
      button.put("style", a.style());
    }
    String max = d.maxRefund().map(Words::money).orElse(null);
    a.confirm()
        .ifPresent(
            c ->
                button.set(
                    "confirm",
                    BlockKit.confirm(c.title(), c.text().apply(max), "Continue", "Cancel")));
    return new Element(a.buttonId(), label, button, a.confirm().isEmpty());
  }

  private ObjectNode openInPayPal(String disputeId) {
    ObjectNode button = BlockKit.button(Ids.OPEN_IN_PAYPAL, "Open in PayPal", disputeId);
    button.put("url", links.dispute(disputeId));
    return button;
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

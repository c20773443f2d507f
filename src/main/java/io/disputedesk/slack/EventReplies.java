package io.disputedesk.slack;

import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Money;
import io.disputedesk.sync.DisputeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The short thread replies that record a dispute's history under its card, and the import summary.
 */
public final class EventReplies {
  /** Room left in a message for a buyer's words once our own wording is added. */
  static final int MESSAGE_CHARS = 2800;

  private EventReplies() {}

  /**
   * The reply for an event, dated {@code at} (the dispute's update time); empty for {@link
   * DisputeEvent.New}, which the card itself announces.
   */
  public static Optional<SlackPost> reply(DisputeEvent event, Instant at) {
    String text = text(event);
    if (text == null) {
      return Optional.empty();
    }
    String when = at == null ? "" : "\n_" + Times.dateTime(at) + "_";
    return Optional.of(SlackPost.text(Mrkdwn.cutEscaped(text, BlockLimits.SECTION_TEXT) + when));
  }

  private static String text(DisputeEvent event) {
    if (event instanceof DisputeEvent.StatusChanged s) {
      return ":arrows_counterclockwise: Status: "
          + change(Words.status(s.from()), Words.status(s.to()));
    }
    if (event instanceof DisputeEvent.StageChanged s) {
      return ":arrow_double_up: Stage: " + change(Words.stage(s.from()), Words.stage(s.to()));
    }
    if (event instanceof DisputeEvent.BuyerMessage m) {
      return ":speech_balloon: *The buyer wrote:*\n"
          + Mrkdwn.quote(Mrkdwn.escapeAndCut(m.text(), MESSAGE_CHARS));
    }
    if (event instanceof DisputeEvent.OfferEvent o) {
      return ":handshake: Offer "
          + Words.offerEvent(o.type())
          + " by "
          + Words.byParty(o.actor())
          + ": "
          + Words.offerType(o.offerType())
          + (o.amount() == null ? "" : " of *" + Words.money(o.amount()) + "*");
    }
    if (event instanceof DisputeEvent.EvidenceRequested e) {
      return ":page_facing_up: PayPal asks us for evidence: "
          + e.types().stream()
              .map(Words::evidenceType)
              .map(Mrkdwn::escape)
              .collect(Collectors.joining(", "));
    }
    if (event instanceof DisputeEvent.DueDateChanged d) {
      return ":calendar: Respond by "
          + change(d.from() == null ? null : Times.dateTime(d.from()), Times.dateTime(d.to()));
    }
    if (event instanceof DisputeEvent.Resolved r) {
      return ":checkered_flag: *" + Words.outcome(r.outcome()) + "*" + refunded(r.refunded());
    }
    return null;
  }

  /** "from → *to*", or just "*to*" without a from. */
  private static String change(String from, String to) {
    return (from == null ? "" : from + " → ") + "*" + to + "*";
  }

  /** The one message a first run posts instead of a card per historic dispute. */
  public static SlackPost importSummary(int imported, int needResponse) {
    return importSummary(imported, needResponse, "default");
  }

  /** The first run's message for one PayPal account (named unless it is the default one). */
  public static SlackPost importSummary(int imported, int needResponse, String account) {
    SlackPost plain = importSummaryText(imported, needResponse);
    return account.equals("default")
        ? plain
        : SlackPost.text(
            plain
                .text()
                .replaceFirst(
                    ":inbox_tray: ",
                    ":inbox_tray: PayPal account *"
                        + Mrkdwn.escape(account).replace("$", "\\$")
                        + "*: "));
  }

  private static SlackPost importSummaryText(int imported, int needResponse) {
    String text;
    if (imported == 0) {
      text =
          ":inbox_tray: Dispute Desk is connected. PayPal lists no disputes from the last 180 days;"
              + " new ones will appear here as cards.";
    } else {
      text =
          ":inbox_tray: Imported "
              + imported
              + (imported == 1 ? " dispute" : " disputes")
              + ", "
              + needResponse
              + (needResponse == 1 ? " needs" : " need")
              + " a response."
              + (needResponse > 0
                  ? " Their cards follow; the rest are on record without a card."
                  : "");
    }
    return SlackPost.text(text);
  }

  private static String refunded(Money refunded) {
    if (refunded == null || refunded.value().compareTo(BigDecimal.ZERO) <= 0) {
      return "";
    }
    return " · " + Words.money(refunded) + " refunded to the buyer";
  }
}

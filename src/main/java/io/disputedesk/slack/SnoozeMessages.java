package io.disputedesk.slack;

import io.disputedesk.dispute.Snooze;
import io.disputedesk.dispute.Words;
import java.time.Instant;

/** The thread notes and card lines of snoozes: who snoozed, until when, and what woke it. */
public final class SnoozeMessages {
  static final int REASON_CHARS = 200;

  /** The note when someone snoozes the dispute. */
  public SlackPost snoozed(Snooze s) {
    return SlackPost.text(
        ":zzz: <@"
            + s.by()
            + "> snoozed this dispute "
            + until(s)
            + reason(s)
            + ". It leaves the due lists, the digest and the reminders until then; a deadline within 24 h wakes it.");
  }

  /** The note when someone ends a snooze from the card. */
  public SlackPost unsnoozed(Snooze s, String by) {
    return SlackPost.text(
        ":alarm_clock: <@"
            + by
            + "> unsnoozed this dispute (snoozed by <@"
            + s.by()
            + "> "
            + until(s)
            + "). It is back in the due lists.");
  }

  /** The note when a snooze ends by itself ({@code s.wake()} says why). */
  public SlackPost woke(Snooze s, Instant sellerDue, Instant now) {
    String why =
        switch (s.wake()) {
          case DEADLINE ->
              "Woke early: the deadline is near"
                  + (sellerDue == null
                      ? ""
                      : " (" + Words.left(sellerDue, now) + ", " + Times.dateTime(sellerDue) + ")");
          case BUYER_WROTE -> "Woke up: the buyer wrote";
          default -> "Woke up: the snooze is over";
        };
    return SlackPost.text(
        ":alarm_clock: "
            + why
            + ". Snoozed by <@"
            + s.by()
            + "> "
            + until(s)
            + "; it is back in the due lists.");
  }

  /** The card's line for a sleeping snooze, or for one the deadline woke; null for any other. */
  static String cardLine(Snooze s) {
    if (s.asleep()) {
      return ":zzz: *Snoozed* " + until(s) + " by <@" + s.by() + ">" + reason(s);
    }
    if (s.wake() == Snooze.Wake.DEADLINE) {
      return ":alarm_clock: *Woke up: the deadline is near* (snoozed by <@"
          + s.by()
          + "> "
          + until(s)
          + ")";
    }
    return null;
  }

  /**
   * A list line's mark for a sleeping snooze ({@code :zzz: Snoozed until …}, the card's words), or
   * null for one that woke.
   */
  public static String lineMark(Snooze s) {
    return s.asleep() ? ":zzz: Snoozed " + until(s) : null;
  }

  private static String until(Snooze s) {
    return s.mode() == Snooze.Mode.BUYER
        ? "until the buyer writes"
        : "until " + Times.dateTime(s.until());
  }

  private static String reason(Snooze s) {
    return s.reason() == null || s.reason().isBlank()
        ? ""
        : " · “" + Mrkdwn.escapeAndCut(s.reason().strip(), REASON_CHARS) + "”";
  }
}

package io.disputedesk.dispute;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A dispute's latest snooze: until a moment ({@link Mode#UNTIL}) or until the buyer writes ({@link
 * Mode#BUYER}: more than {@code buyerMessages} buyer messages), who snoozed it, when and why
 * (nullable). {@code wokeAt} is null while it sleeps; then {@code wake} says what woke it.
 */
public record Snooze(
    String disputeId,
    Mode mode,
    Instant until,
    int buyerMessages,
    String reason,
    String by,
    Instant at,
    Instant wokeAt,
    Wake wake) {

  /** A seller deadline this close always wakes a snoozed dispute (and refuses a new snooze). */
  public static final Duration DEADLINE_WAKES = Duration.ofHours(24);

  /** How a snooze ends by itself. */
  public enum Mode {
    UNTIL,
    BUYER
  }

  /** What ended a snooze. */
  public enum Wake {
    /** Its time came. */
    TIME,
    /** The buyer wrote. */
    BUYER_WROTE,
    /** The seller's deadline came within 24 hours. */
    DEADLINE,
    /** Someone unsnoozed it from the card. */
    UNSNOOZED,
    /** The dispute was resolved. */
    RESOLVED
  }

  public Snooze {
    Objects.requireNonNull(disputeId, "disputeId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    if (mode == Mode.UNTIL && until == null) {
      throw new IllegalArgumentException("a snooze until a moment needs the moment");
    }
  }

  /** A new snooze, asleep. */
  public static Snooze start(
      String disputeId,
      Mode mode,
      Instant until,
      int buyerMessages,
      String reason,
      String by,
      Instant at) {
    return new Snooze(
        disputeId,
        mode,
        mode == Mode.UNTIL ? until : null,
        buyerMessages,
        reason,
        by,
        at,
        null,
        null);
  }

  public boolean asleep() {
    return wokeAt == null;
  }

  /**
   * Whether it keeps the dispute out of the due lists at {@code now}, as {@code SnoozeSql} decides:
   * asleep, before its time, and the seller's deadline ({@code sellerDue}, nullable) further away
   * than {@link #DEADLINE_WAKES} (the wake pass may not have marked it awake yet).
   */
  public boolean sleepsAt(Instant now, Instant sellerDue) {
    return asleep()
        && (until == null || until.isAfter(now))
        && (sellerDue == null || sellerDue.isAfter(now.plus(DEADLINE_WAKES)));
  }
}

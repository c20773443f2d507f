package io.disputedesk.actions;

import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.Snooze;
import io.disputedesk.dispute.SnoozeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.Party;
import io.disputedesk.store.Database;
import io.disputedesk.sync.PollResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snoozing disputes from their cards (agents), and waking them: when the snooze's time comes, when
 * the buyer writes, when the seller's deadline comes within 24 hours, or from the card. Each change
 * is audited, noted in the card's thread and redraws the card in one transaction; a wake is noted
 * once however many replicas see it due, as only the one whose update ends the snooze writes.
 */
public final class Snoozes {
  private static final Logger log = LoggerFactory.getLogger(Snoozes.class);

  /** How far ahead a snooze may run. */
  public static final Duration LONGEST = Duration.ofDays(90);

  static final String SNOOZE = "SNOOZE";
  static final String UNSNOOZE = "UNSNOOZE";
  static final String WAKE = "WAKE";

  /**
   * What the person asked for: until a moment (null for {@link Snooze.Mode#BUYER}), and why
   * (nullable).
   */
  public record Request(Snooze.Mode mode, Instant until, String reason) {}

  private final Database db;
  private final ActionGate gate;
  private final SnoozeStore store;
  private final DisputeStore disputes;
  private final ActionNotices notices;
  private final AuditLog audit;
  private final Clock clock;

  public Snoozes(
      Database db,
      ActionGate gate,
      SnoozeStore store,
      DisputeStore disputes,
      ActionNotices notices,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.gate = gate;
    this.store = store;
    this.disputes = disputes;
    this.notices = notices;
    this.audit = audit;
    this.clock = clock;
  }

  /** The business clock's now (a snooze's earliest end). */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Whether {@code userId} may snooze or unsnooze the dispute: agents and approvers, on a dispute
   * we know.
   */
  public Verdict check(String userId, String disputeId, String title) {
    return gate.checkRole(userId, disputeId, Role.AGENT, SNOOZE, title);
  }

  /** Why the dispute cannot be snoozed as asked, in words for the person; empty when it can. */
  public static Optional<String> problem(Dispute d, Request r, Instant now) {
    if (d.isResolved()) {
      return Optional.of("This dispute is resolved; there is nothing to snooze.");
    }
    Instant due = d.sellerResponseDueDate();
    if (d.status() == DisputeStatus.WAITING_FOR_SELLER_RESPONSE
        && due != null
        && !due.isAfter(now.plus(Snooze.DEADLINE_WAKES))) {
      return Optional.of("The deadline is within 24 hours, which wakes a snoozed dispute at once.");
    }
    if (r.mode() == Snooze.Mode.UNTIL) {
      if (r.until() == null) {
        return Optional.of("Pick the day the snooze ends.");
      }
      if (!r.until().isAfter(now)) {
        return Optional.of("Pick a moment in the future.");
      }
      if (r.until().isAfter(now.plus(LONGEST))) {
        return Optional.of("A snooze lasts 90 days at most.");
      }
    }
    return Optional.empty();
  }

  /**
   * Snoozes the dispute, replacing any snooze it has; {@code intentKey} makes a repeated request
   * post once.
   */
  public ActionOutcome snooze(String disputeId, String byUserId, Request r, String intentKey) {
    Verdict verdict = check(byUserId, disputeId, "Snooze");
    gate.record(verdict);
    if (!verdict.allowed()) {
      return verdict.refusal();
    }
    Instant now = clock.instant();
    Dispute d = verdict.dispute().dispute();
    Optional<String> problem = problem(d, r, now);
    if (problem.isPresent()) {
      return ActionOutcome.of(
          Result.FAILED, "I did not snooze " + disputeId + ": " + problem.get());
    }
    Snooze s =
        Snooze.start(
            disputeId,
            r.mode(),
            r.until(),
            buyerMessages(d),
            blankToNull(r.reason()),
            byUserId,
            now);
    return db.atomically(
        () -> {
          // The note's key names the intent: a repeated submission finds it queued and changes
          // nothing.
          String what =
              s.mode() == Snooze.Mode.BUYER ? "until the buyer writes" : "until " + s.until();
          if (!notices.note(disputeId, "snooze:" + intentKey, new ActionNote.Snoozed(s))) {
            record(byUserId, disputeId, SNOOZE, what, "DUPLICATE");
            return ActionOutcome.of(Result.DUPLICATE, null);
          }
          store.put(s);
          record(byUserId, disputeId, SNOOZE, what, "DONE");
          notices.refreshCard(disputeId, "snooze:" + intentKey);
          return ActionOutcome.of(Result.DONE, null);
        });
  }

  /** Ends the dispute's snooze from the card. */
  public ActionOutcome unsnooze(String disputeId, String byUserId) {
    Verdict verdict = check(byUserId, disputeId, "Unsnooze");
    gate.record(verdict);
    if (!verdict.allowed()) {
      return verdict.refusal();
    }
    Optional<Snooze> current = store.find(disputeId).filter(Snooze::asleep);
    Instant now = clock.instant();
    boolean woke =
        current.isPresent()
            && db.atomically(
                () -> {
                  Snooze s = current.get();
                  if (!store.wake(disputeId, s.at(), Snooze.Wake.UNSNOOZED, now)) {
                    return false;
                  }
                  String key = "unsnooze:" + s.at().toEpochMilli();
                  record(byUserId, disputeId, UNSNOOZE, null, "DONE");
                  notices.note(disputeId, key, new ActionNote.Unsnoozed(s, byUserId));
                  notices.refreshCard(disputeId, key);
                  return true;
                });
    return ActionOutcome.of(Result.DONE, woke ? null : disputeId + " is not snoozed.");
  }

  /**
   * Ends every snooze whose time came, whose dispute's deadline is within 24 hours or whose dispute
   * was resolved. Run by the wake job and after each poll; returns how many this call ended.
   */
  public int wakeDue() {
    Instant now = clock.instant();
    int woke = 0;
    for (SnoozeStore.Due due : store.dueToWake(now, now.plus(Snooze.DEADLINE_WAKES))) {
      woke += wake(due.snooze(), due.why(), now) ? 1 : 0;
    }
    return woke;
  }

  /**
   * After a poll, the same as {@link #wakeDue}; a failure is logged and the wake job tries again.
   */
  public PollResult afterPoll(PollResult result) {
    try {
      wakeDue();
    } catch (RuntimeException e) {
      log.warn("Waking snoozed disputes after the poll failed; the wake job tries again", e);
    }
    return result;
  }

  /**
   * After a sync stored {@code disputeIds}: a snoozed one whose buyer wrote wakes, and so does one
   * whose deadline came near or that was resolved. Quick when none of them is snoozed.
   */
  public void changed(Set<String> disputeIds) {
    Instant now = clock.instant();
    boolean any = false;
    for (Snooze s : store.asleepOf(disputeIds)) {
      any = true;
      if (s.mode() == Snooze.Mode.BUYER
          && disputes
              .find(s.disputeId())
              .map(StoredDispute::dispute)
              .filter(d -> buyerMessages(d) > s.buyerMessages())
              .isPresent()) {
        wake(s, Snooze.Wake.BUYER_WROTE, now);
      }
    }
    if (any) {
      wakeDue();
    }
  }

  private boolean wake(Snooze s, Snooze.Wake why, Instant now) {
    return db.atomically(
        () -> {
          if (!store.wake(s.disputeId(), s.at(), why, now)) {
            return false;
          }
          record(null, s.disputeId(), WAKE, why.name(), "DONE");
          if (why != Snooze.Wake.RESOLVED) {
            // Keyed by the snooze, so its wake is posted once whichever replica or pass gets here.
            String key = "wake:" + s.at().toEpochMilli();
            Instant due =
                disputes
                    .find(s.disputeId())
                    .map(d -> d.dispute().sellerResponseDueDate())
                    .orElse(null);
            Snooze woke =
                new Snooze(
                    s.disputeId(),
                    s.mode(),
                    s.until(),
                    s.buyerMessages(),
                    s.reason(),
                    s.by(),
                    s.at(),
                    now,
                    why);
            notices.note(s.disputeId(), key, new ActionNote.Woke(woke, due, now));
            notices.refreshCard(s.disputeId(), key);
          }
          return true;
        });
  }

  private static int buyerMessages(Dispute d) {
    return (int) d.messages().stream().filter(m -> m.postedBy() == Party.BUYER).count();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void record(
      String userId, String disputeId, String action, String summary, String outcome) {
    audit.append(
        new AuditEntry(clock.instant(), userId, disputeId, action, summary, outcome, null, null));
  }
}

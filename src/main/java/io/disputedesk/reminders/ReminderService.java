package io.disputedesk.reminders;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.drafts.UnsentDrafts;
import io.disputedesk.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deadline reminders. For open disputes waiting for the seller, each threshold crossed (72 h, 24 h,
 * 4 h left by default) posts one thread reply; when several were crossed at once (after downtime)
 * only the tightest is sent. When the deadline passes the card is refreshed to show it overdue. The
 * ledger is keyed by due date, so a new deadline reminds again; a dispute the seller answered or
 * that resolved no longer matches the query.
 */
public final class ReminderService {
  /** The ledger's threshold name for the deadline itself. */
  static final String OVERDUE = "OVERDUE";

  /** How long after a deadline a pass still marks the card overdue (covers downtime). */
  static final Duration OVERDUE_LOOKBACK = Duration.ofDays(3);

  private final Database db;
  private final DisputeQueries queries;
  private final ReminderLedger ledger;
  private final ReminderNotices notices;
  private final List<Duration> thresholds;
  private final UnsentDrafts drafts;

  public ReminderService(
      Database db,
      DisputeQueries queries,
      ReminderLedger ledger,
      ReminderNotices notices,
      List<Duration> thresholds) {
    this(db, queries, ledger, notices, thresholds, UnsentDrafts.none());
  }

  /** As above; the reminders also say how many evidence drafts on the dispute are not sent yet. */
  public ReminderService(
      Database db,
      DisputeQueries queries,
      ReminderLedger ledger,
      ReminderNotices notices,
      List<Duration> thresholds,
      UnsentDrafts drafts) {
    if (thresholds.isEmpty() || thresholds.stream().anyMatch(t -> t.isNegative() || t.isZero())) {
      throw new IllegalArgumentException("reminder thresholds must be positive durations");
    }
    this.db = db;
    this.queries = queries;
    this.ledger = ledger;
    this.notices = notices;
    this.thresholds = thresholds.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    this.drafts = drafts;
  }

  public ReminderRun run(Instant now) {
    Duration widest = thresholds.get(0);
    int reminded = 0;
    int overdue = 0;
    Map<String, Integer> unsent = null;
    // A snoozed dispute is reminded of nothing until it wakes (a deadline within 24 h wakes it).
    for (DisputeLine d :
        queries.waitingForSeller(now.minus(OVERDUE_LOOKBACK), now.plus(widest), now)) {
      if (!d.sellerDue().isAfter(now)) {
        overdue += markOverdue(d, now) ? 1 : 0;
      } else {
        Optional<Duration> crossed = tightestCrossed(d, now);
        if (crossed.isPresent()) {
          unsent = unsent == null ? drafts.unsent() : unsent;
          reminded += remind(d, crossed.get(), now, unsent.getOrDefault(d.disputeId(), 0)) ? 1 : 0;
        }
      }
    }
    return new ReminderRun(reminded, overdue);
  }

  /** The smallest threshold whose moment ({@code due − threshold}) has come. */
  private Optional<Duration> tightestCrossed(DisputeLine d, Instant now) {
    Duration left = Duration.between(now, d.sellerDue());
    return thresholds.stream().filter(t -> left.compareTo(t) <= 0).min(Comparator.naturalOrder());
  }

  private boolean remind(DisputeLine d, Duration threshold, Instant now, int unsentDrafts) {
    long due = d.sellerDue().toEpochMilli();
    return db.inTransaction(
        c -> {
          if (!ledger.claim(d.disputeId(), threshold.toString(), d.sellerDue(), now)) {
            return false;
          }
          notices.remind(d, "reminder:" + threshold + ":" + due, now, unsentDrafts);
          return true;
        });
  }

  private boolean markOverdue(DisputeLine d, Instant now) {
    long due = d.sellerDue().toEpochMilli();
    return db.inTransaction(
        c -> {
          if (!ledger.claim(d.disputeId(), OVERDUE, d.sellerDue(), now)) {
            return false;
          }
          notices.refreshCard(d.disputeId(), "overdue:" + due);
          return true;
        });
  }
}

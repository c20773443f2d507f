package io.disputedesk.rules;

import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.auth.GroupDirectory;
import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the config file's rules on what happens to disputes. For each trigger occurrence a rule's
 * filter matches, the run is claimed in the ledger first (once, whichever replica gets there), then
 * a dry-run rule posts what it would have done and a live rule acts through the same services as a
 * person. A paused rule does nothing; a failure is reported in the thread and to the owner, never
 * retried.
 */
public final class RuleEngine {
  private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

  /** Longer than any run takes (its PayPal calls are bounded by the HTTP client's timeouts). */
  static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(15);

  private static final int PENDING_BATCH = 200;

  private final List<RuleSettings> rules;
  private final DisputeStore disputes;
  private final RuleRuns runs;
  private final RulePauses pauses;
  private final Absences absences;
  private final Planner planner;
  private final RuleActor actor;
  private final RuleNotices notices;
  private final DueSoon dueSoon;
  private final PendingTriggers pending;
  private final Database db;
  private final ActionStore ledger;
  private final Clock clock;

  public RuleEngine(
      List<RuleSettings> rules,
      Database db,
      DisputeStore disputes,
      ActionStore ledger,
      ActionService actions,
      Assignments assignments,
      RuleNotices notices,
      GroupDirectory groups,
      ApprovalThreshold threshold,
      Clock clock) {
    this.rules = List.copyOf(rules);
    this.db = db;
    this.disputes = disputes;
    this.ledger = ledger;
    this.runs = new RuleRuns(db);
    this.pauses = new RulePauses(db);
    this.absences = new Absences(db);
    this.planner = new Planner(threshold, groups, absences, clock);
    this.actor = new RuleActor(actions, assignments, notices, disputes);
    this.notices = notices;
    this.dueSoon = new DueSoon(db);
    this.pending = new PendingTriggers(db);
    this.clock = clock;
  }

  /**
   * The user groups the rules take turns over, whose members are read from Slack like the roles'
   * groups.
   */
  public static List<String> roundRobinGroups(List<RuleSettings> rules) {
    return rules.stream()
        .flatMap(r -> r.steps().stream())
        .filter(s -> s instanceof RuleStep.Assign a && a.roundRobin())
        .map(s -> ((RuleStep.Assign) s).groupId())
        .distinct()
        .toList();
  }

  boolean hasRules() {
    return !rules.isEmpty();
  }

  public List<RuleSettings> rules() {
    return rules;
  }

  public Optional<RuleSettings> rule(String name) {
    return rules.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public RulePauses pauses() {
    return pauses;
  }

  public RuleRuns runs() {
    return runs;
  }

  public Absences absences() {
    return absences;
  }

  Planner planner() {
    return planner;
  }

  DisputeStore disputes() {
    return disputes;
  }

  Database db() {
    return db;
  }

  ActionStore ledger() {
    return ledger;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Runs the rules on the trigger occurrences the sync recorded with its changes and no replica has
   * taken, oldest first: each is claimed before its rules run and marked done after, so a stop
   * between the sync's commit and the rules loses none, and two replicas never both take one.
   */
  void runPending() {
    while (true) {
      Instant staleBefore = clock.instant().minus(ABANDONED_AFTER);
      List<PendingTriggers.Pending> batch = pending.unclaimed(staleBefore, PENDING_BATCH);
      for (PendingTriggers.Pending p : batch) {
        if (!pending.claim(p.id(), staleBefore)) {
          continue;
        }
        for (RuleSettings rule : rules) {
          if (rule.triggers().contains(p.occurrence().trigger())) {
            run(rule, p.disputeId(), p.occurrence());
          }
        }
        pending.done(p.id());
      }
      if (batch.size() < PENDING_BATCH) {
        return;
      }
    }
  }

  /** Runs the due-within rules on the disputes whose deadline has come within their window. */
  void scanDeadlines() {
    Instant now = clock.instant();
    for (RuleSettings rule : rules) {
      if (rule.triggers().contains(RuleTrigger.DUE_WITHIN)) {
        for (Map.Entry<String, Instant> due :
            dueSoon.between(now, now.plus(rule.dueWithin())).entrySet()) {
          run(rule, due.getKey(), Occurrence.due(due.getValue()));
        }
      }
    }
  }

  /**
   * Runs claimed more than {@link #ABANDONED_AFTER} ago and never finished stopped with their
   * process; they are marked failed and reported to the thread and the owner, not run again (what
   * reached PayPal is settled by the action ledger's own recovery).
   */
  void settleAbandoned() {
    for (RuleRuns.Open open : runs.unfinished(clock.instant().minus(ABANDONED_AFTER))) {
      String why =
          "the bot stopped while the rule ran on "
              + open.occurrence()
              + "; what it did is in the thread above";
      Optional<RuleSettings> rule = rule(open.rule());
      String key = "rule:" + open.rule() + ":" + open.occurrence() + ":abandoned";
      // Marked failed with its notes queued, or neither: a stop in between loses no report.
      db.atomically(
          () -> {
            if (!runs.abandon(open.id(), "interrupted: " + why)) {
              return false;
            }
            rule.ifPresent(r -> notices.broken(open.disputeId(), key, r, why));
            return true;
          });
    }
  }

  /** One rule on one dispute for one occurrence: at most once, ever. */
  void run(RuleSettings rule, String disputeId, Occurrence occurrence) {
    if (pauses.pauseOf(rule.name()).isPresent()) {
      log.debug(
          "Rule {} is paused; {} on {} is left alone", rule.name(), occurrence.key(), disputeId);
      return;
    }
    Optional<StoredDispute> stored = disputes.find(disputeId);
    if (stored.isEmpty() || !rule.when().matches(stored.get().facts())) {
      return;
    }
    OptionalLong claimed = runs.claim(rule.name(), disputeId, occurrence.key(), rule.on());
    if (claimed.isEmpty()) {
      return;
    }
    long run = claimed.getAsLong();
    String noteKey = "rule:" + rule.name() + ":" + occurrence.key();
    try {
      String rotation = (rule.on() ? "rule:" : "dry-run:") + rule.name() + ":";
      List<Planned> plan =
          planner.plan(rule, stored.get(), true, group -> new Rotations(db, rotation + group));
      // Each ending queues its note and records the run in one transaction: a stop or a failure
      // in between leaves neither, and the run is then reported once, as cut short.
      if (!rule.on()) {
        db.atomically(
            () -> {
              notices.dryRun(disputeId, noteKey, rule, occurrence.trigger(), plan);
              runs.finish(run, RuleRuns.Status.DONE, "dry run: " + summary(plan));
              return null;
            });
        return;
      }
      List<StepResult> results = actor.perform(rule, stored.get(), occurrence, plan);
      boolean failed = results.stream().anyMatch(r -> !r.ok());
      db.atomically(
          () -> {
            notices.done(disputeId, noteKey, rule, occurrence.trigger(), results);
            runs.finish(run, failed ? RuleRuns.Status.FAILED : RuleRuns.Status.DONE, summary(plan));
            return null;
          });
    } catch (RuntimeException e) {
      log.error("Rule {} failed on {} ({})", rule.name(), disputeId, occurrence.key(), e);
      String why =
          e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      db.atomically(
          () -> {
            notices.broken(disputeId, noteKey, rule, why);
            runs.finish(run, RuleRuns.Status.FAILED, why);
            return null;
          });
    }
  }

  private static String summary(List<Planned> plan) {
    return plan.stream()
        .map(p -> p.step().word() + (p.acts() ? "" : " (skipped)"))
        .collect(Collectors.joining(", "));
  }
}

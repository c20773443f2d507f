package io.disputedesk.rules;

import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.Pools;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.store.Database;
import io.disputedesk.sync.ChangeListener;
import io.disputedesk.sync.DisputeEvent;
import io.disputedesk.sync.PollResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what the sync saw to the rules. Each rule-relevant occurrence (new dispute, status or stage
 * change, buyer message) is recorded in the transaction that stores the change, and the rules run
 * on what is recorded off the syncing thread: right after the commit, after every poll and at start
 * (so what a stop or another replica left is picked up). After each poll it also looks for
 * deadlines that came close. Built before the engine (the syncs need it first) and given the engine
 * by {@link #attach} before polling starts.
 */
public final class RuleTriggers implements ChangeListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RuleTriggers.class);
  private static final int QUEUE = 2000;

  /** Occurrences done this long ago are forgotten; the run ledger keeps the runs themselves. */
  static final Duration KEEP_DONE = Duration.ofDays(7);

  private static final Duration PRUNE_EVERY = Duration.ofHours(1);

  private final ExecutorService executor;
  private final PendingTriggers pending;
  private final Set<RuleTrigger> recorded;

  /** True while a run over the pending occurrences waits in the queue: one is enough. */
  private final AtomicBoolean pendingQueued = new AtomicBoolean();

  private volatile RuleEngine engine;
  private Instant lastPrune = Instant.MIN;

  /**
   * Records the occurrences of the triggers {@code rules} use, in {@code db}; its runs count in
   * {@code work}.
   */
  public RuleTriggers(Database db, List<RuleSettings> rules, Workload work) {
    this.executor = BoundedExecutors.fixed("dd-rules", 1, QUEUE, StartGate.OPEN, work);
    this.pending = new PendingTriggers(db);
    this.recorded =
        rules.stream()
            .flatMap(r -> r.triggers().stream())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleTrigger.class)));
  }

  /**
   * Gives the triggers their engine, runs what is pending and settles the runs a stopped process
   * left unfinished.
   */
  public void attach(RuleEngine engine) {
    this.engine = engine;
    if (engine.hasRules()) {
      submit(
          "pending triggers and unfinished runs",
          () -> {
            engine.runPending();
            engine.settleAbandoned();
          });
    }
  }

  @Override
  public void changed(Set<String> disputeIds) {
    // Rules look at events, not at the bare fact of a change.
  }

  @Override
  public void recording(String disputeId, Instant updateTime, List<DisputeEvent> events) {
    for (DisputeEvent event : events) {
      Occurrence.of(event, updateTime)
          .filter(o -> recorded.contains(o.trigger()))
          .ifPresent(o -> pending.record(disputeId, o));
    }
  }

  @Override
  public void events(String disputeId, Instant updateTime, List<DisputeEvent> events) {
    RuleEngine e = engine;
    if (e != null && e.hasRules() && pendingQueued.compareAndSet(false, true)) {
      boolean queued =
          submit(
              "pending triggers",
              () -> {
                pendingQueued.set(false);
                e.runPending();
              });
      if (!queued) {
        pendingQueued.set(false);
      }
    }
  }

  /**
   * After a poll: what is pending, and deadlines that came within a rule's window. Returns the
   * poll's result.
   */
  public PollResult afterPoll(PollResult result) {
    RuleEngine e = engine;
    if (e != null && e.hasRules()) {
      submit(
          "pending triggers and deadlines",
          () -> {
            e.runPending();
            e.scanDeadlines();
            e.settleAbandoned();
            pruneDone(e.clock().instant());
          });
    }
    return result;
  }

  /** At most once an hour (on the rules' thread): forgets the occurrences done long ago. */
  private void pruneDone(Instant now) {
    if (now.isAfter(lastPrune.plus(PRUNE_EVERY))) {
      lastPrune = now;
      int pruned = pending.pruneDone(now.minus(KEEP_DONE));
      if (pruned > 0) {
        log.info(
            "Rules: forgot {} trigger occurrences done before {}", pruned, now.minus(KEEP_DONE));
      }
    }
  }

  private boolean submit(String what, Runnable work) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException ex) {
              log.error("Rules failed on {}", what, ex);
            }
          });
      return true;
    } catch (RejectedExecutionException ex) {
      log.warn(
          "Rules are behind or stopping; {} wait in the database for the next poll or start", what);
      return false;
    }
  }

  @Override
  public void close() {
    Pools.stop(executor, Duration.ofSeconds(10));
  }
}

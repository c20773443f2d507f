package io.disputedesk.rules;

import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.sync.ChangeListener;
import io.disputedesk.sync.DisputeEvent;
import io.disputedesk.sync.PollResult;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what the sync saw to the rules, off the syncing thread: each stored read's events, and
 * after each poll a look for deadlines that came close. Built before the engine (the syncs need
 * it first) and given the engine by {@link #attach} before polling starts.
 */
public final class RuleTriggers implements ChangeListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RuleTriggers.class);
  private static final int QUEUE = 2000;

  private final ExecutorService executor = BoundedExecutors.fixed("dd-rules", 1, QUEUE);
  private volatile RuleEngine engine;

  /** Gives the triggers their engine, and settles the runs a stopped process left unfinished. */
  public void attach(RuleEngine engine) {
    this.engine = engine;
    if (engine.hasRules()) {
      submit("unfinished runs", engine::settleAbandoned);
    }
  }

  @Override
  public void changed(Set<String> disputeIds) {
    // Rules look at events, not at the bare fact of a change.
  }

  @Override
  public void events(String disputeId, Instant updateTime, List<DisputeEvent> events) {
    RuleEngine e = engine;
    if (e != null && e.hasRules()) {
      submit("events of " + disputeId, () -> e.onEvents(disputeId, updateTime, events));
    }
  }

  /** After a poll: deadlines that came within a rule's window. Returns the poll's result. */
  public PollResult afterPoll(PollResult result) {
    RuleEngine e = engine;
    if (e != null && e.hasRules()) {
      submit("deadlines", () -> {
        e.scanDeadlines();
        e.settleAbandoned();
      });
    }
    return result;
  }

  private void submit(String what, Runnable work) {
    try {
      executor.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException ex) {
          log.error("Rules failed on {}", what, ex);
        }
      });
    } catch (RejectedExecutionException ex) {
      log.warn("Rules are behind; {} was dropped (deadline triggers are looked for again after the next poll)", what);
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}

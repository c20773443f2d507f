package io.disputedesk;

import io.disputedesk.concurrent.Pools;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stop steps collected while starting up, run last-started first; a failing step does not stop the
 * rest.
 */
final class Shutdown {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private record Step(String what, Runnable action) {}

  private final Deque<Step> steps = new ArrayDeque<>();

  /** Adds a step that runs before every step added earlier. */
  synchronized void then(String what, Runnable action) {
    steps.push(new Step(what, action));
  }

  /**
   * Runs the step named {@code what} now, and not again at the stop: a part of the bot stops as it
   * would when the whole bot stops, and the rest runs on. False when there is no such step.
   */
  synchronized boolean runOnly(String what) {
    Step step = steps.stream().filter(s -> s.what().equals(what)).findFirst().orElse(null);
    if (step == null) {
      return false;
    }
    steps.remove(step);
    step.action().run();
    return true;
  }

  /**
   * Adds a step that shuts {@code executor} down, waiting up to 10 s for the tasks it runs before
   * interrupting them.
   */
  void thenStop(String what, ExecutorService executor) {
    then(what, () -> stop(executor));
  }

  synchronized void run() {
    while (!steps.isEmpty()) {
      Step step = steps.pop();
      try {
        step.action().run();
      } catch (RuntimeException e) {
        log.warn("Shutdown step \"{}\" failed: {}", step.what(), e.toString());
      }
    }
  }

  private static void stop(ExecutorService executor) {
    Pools.stop(executor, Duration.ofSeconds(10));
  }
}

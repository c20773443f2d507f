package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.SearchTextBackfill;
import io.disputedesk.sync.AccountPolls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the search text of disputes stored before it existed, on a thread of its own, once every
 * account has polled since this start (or after {@link #WAITS_AT_MOST}): an upgrade's first start,
 * with every row to fill, does not slow the first poll. A stop ends it after its batch.
 */
final class SearchTextFilling {
  private static final Logger log = LoggerFactory.getLogger(SearchTextFilling.class);

  /** How long the backfill waits for every account's first poll. */
  static final Duration WAITS_AT_MOST = Duration.ofSeconds(60);

  private SearchTextFilling() {}

  static void start(
      Stores stores, ObjectMapper mapper, AccountPolls polls, Clock clock, Shutdown shutdown) {
    SearchTextBackfill backfill = new SearchTextBackfill(stores.db(), mapper);
    Instant started = clock.instant();
    Thread filling = new Thread(() -> fill(backfill, polls, started), "dd-search-backfill");
    filling.setDaemon(true);
    filling.start();
    shutdown.then(
        "search text backfill",
        () -> {
          backfill.stop();
          try {
            filling.join(Duration.ofSeconds(10).toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private static void fill(SearchTextBackfill backfill, AccountPolls polls, Instant started) {
    try {
      long deadline = System.nanoTime() + WAITS_AT_MOST.toNanos();
      while (polls.lastSuccessOfAll().filter(t -> !t.isBefore(started)).isEmpty()
          && !backfill.stopping()
          && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      int filled = backfill.run();
      if (filled > 0) {
        log.info("Filled the search text of {} stored disputes", filled);
      }
    } catch (RuntimeException e) {
      log.error("Filling the search text of stored disputes failed; the next start tries again", e);
    }
  }
}

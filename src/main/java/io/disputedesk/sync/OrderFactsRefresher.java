package io.disputedesk.sync;

import io.disputedesk.concurrent.Pools;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.OrderFactsStore;
import io.disputedesk.order.OrderLookup;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each open dispute's order facts (items, ship-to, tracking) in step with PayPal, in the
 * background: a dispute that is new or changed asks for fresh facts, and one background thread
 * fetches them after each poll and each change, at most {@link #PER_PASS} per pass and at most once
 * an hour per dispute. A fetch that changes what the card shows redraws the card. Nothing here runs
 * on Slack's acknowledgement path; replicas share the work through row claims.
 */
public final class OrderFactsRefresher implements ChangeListener, AutoCloseable {
  /** A dispute's facts are fetched at most this often. */
  public static final Duration MIN_INTERVAL = Duration.ofHours(1);

  /** Disputes fetched per pass, so a big import spreads over several polls. */
  static final int PER_PASS = 20;

  /** How long one fetch may hold its dispute before another worker may take it. */
  static final Duration LEASE = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(OrderFactsRefresher.class);

  private final OrderLookup lookup;
  private final OrderFactsStore store;
  private final DisputeStore disputes;
  private final Database db;
  private final DisputeNotices notifier;
  private final Clock clock;
  private final ExecutorService executor;
  private final Workload work;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public OrderFactsRefresher(
      OrderLookup lookup,
      OrderFactsStore store,
      DisputeStore disputes,
      Database db,
      DisputeNotices notifier,
      Clock clock) {
    this(lookup, store, disputes, db, notifier, clock, new Workload());
  }

  /** As above, each fetch counted in {@code work} from the moment it is queued. */
  public OrderFactsRefresher(
      OrderLookup lookup,
      OrderFactsStore store,
      DisputeStore disputes,
      Database db,
      DisputeNotices notifier,
      Clock clock,
      Workload work) {
    this.work = work;
    this.lookup = lookup;
    this.store = store;
    this.disputes = disputes;
    this.db = db;
    this.notifier = notifier;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "dd-order-facts");
              t.setDaemon(true);
              return t;
            });
  }

  /** New or changed disputes want fresh facts (the sync tells us once it committed them). */
  @Override
  public void changed(Set<String> disputeIds) {
    store.want(disputeIds, clock.instant());
    wake();
  }

  /** After a poll: fetch what is due, including disputes a first import left without facts. */
  public PollResult afterPoll(PollResult result) {
    wake();
    return result;
  }

  /**
   * Fetches this dispute's facts again now, inside the hour (PayPal holds a tracker the bot just
   * added), on the background thread. Should another worker hold it, the wish stays for later.
   */
  public void fetchNow(String disputeId) {
    store.want(Set.of(disputeId), clock.instant());
    try {
      work.execute(
          executor,
          () -> {
            try {
              refresh(disputeId, Duration.ZERO);
            } catch (RuntimeException e) {
              log.warn(
                  "Could not fetch the order facts of dispute {} now; the next pass tries again",
                  disputeId,
                  e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("Order facts of {} wait for the next pass: shutting down", disputeId);
    }
  }

  /** Starts a pass on the background thread unless one is already waiting to start. */
  public void wake() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        work.execute(executor, this::passSafely);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
      }
    }
  }

  /**
   * One pass, on the caller's thread: fetches up to {@link #PER_PASS} due disputes; returns how
   * many.
   */
  int pass() {
    int fetched = 0;
    while (fetched < PER_PASS) {
      Instant now = clock.instant();
      var due = store.due(now, now.minus(MIN_INTERVAL), PER_PASS - fetched);
      if (due.isEmpty()) {
        break;
      }
      int before = fetched;
      for (String id : due) {
        if (refresh(id, MIN_INTERVAL)) {
          fetched++;
        }
      }
      if (fetched == before) {
        // Everything listed was taken by another worker meanwhile.
        break;
      }
    }
    return fetched;
  }

  private void passSafely() {
    scheduled.set(false);
    try {
      int n = pass();
      if (n > 0) {
        log.debug("Fetched the order facts of {} disputes", n);
      }
    } catch (RuntimeException e) {
      log.warn("Order facts pass failed; the next poll tries again", e);
    }
  }

  /**
   * Fetches one dispute's facts under a claim, unless fetched less than {@code interval} ago; false
   * when someone else has it or it is not due.
   */
  private boolean refresh(String disputeId, Duration interval) {
    Instant claimedAt = clock.instant();
    if (!store.claim(disputeId, claimedAt, claimedAt.minus(interval), claimedAt.plus(LEASE))) {
      return false;
    }
    try {
      Optional<StoredDispute> stored = disputes.find(disputeId);
      if (stored.isEmpty()) {
        store.release(disputeId);
        return false;
      }
      OrderLookup.Result result = lookup.fetch(stored.get().dispute(), clock.instant());
      OrderFacts facts = result.facts();
      // Facts PayPal may still give (not listed yet, no answer, no permission yet) are asked for
      // again.
      boolean tryAgain = retry(facts.orderGap()) || retry(facts.trackingGap());
      db.atomically(
          () -> {
            if (store.save(facts, result.address(), claimedAt, tryAgain)) {
              notifier.redrawCards(disputeId, "order:" + facts.fetchedAt().toEpochMilli());
            }
            return null;
          });
      return true;
    } catch (RuntimeException e) {
      // Not PayPal (the lookup reports that as gaps): the dispute or the database. Postponed, so
      // that one bad row cannot hold up the others.
      log.warn(
          "Could not refresh the order facts of dispute {}; trying again in an hour", disputeId, e);
      store.postpone(disputeId, clock.instant());
      return true;
    }
  }

  private static boolean retry(OrderFacts.Gap gap) {
    return gap != null && gap != OrderFacts.Gap.NO_TRANSACTION;
  }

  @Override
  public void close() {
    Pools.stopNow(executor, Duration.ofSeconds(5));
  }
}

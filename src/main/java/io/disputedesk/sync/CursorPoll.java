package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One account's poll from its cursor, and its rolled-back rehearsal. */
final class CursorPoll {
  /** How far back each poll looks before its cursor, against clock skew and late writes. */
  static final Duration OVERLAP = Duration.ofMinutes(5);

  /** PayPal refuses list windows older than 180 days; a day of margin for slow requests. */
  static final Duration MAX_LOOKBACK = Duration.ofDays(179);

  private static final Logger log = LoggerFactory.getLogger(CursorPoll.class);

  private final PollKeys keys;
  private final PayPalClient paypal;
  private final Database db;
  private final SyncState state;
  private final Clock clock;
  private final WindowedListing listing;
  private final SetAsideStore setAside;
  private final SyncPipeline pipeline;
  private final ReentrantLock pollLock = new ReentrantLock();

  CursorPoll(
      PollKeys keys,
      PayPalClient paypal,
      Database db,
      SyncState state,
      Clock clock,
      WindowedListing listing,
      SetAsideStore setAside,
      SyncPipeline pipeline) {
    this.keys = keys;
    this.paypal = paypal;
    this.db = db;
    this.state = state;
    this.clock = clock;
    this.listing = listing;
    this.setAside = setAside;
    this.pipeline = pipeline;
  }

  /** See {@link DisputeSync#poll()}. */
  PollResult poll() {
    pollLock.lock();
    try {
      Set<String> changed = new LinkedHashSet<>();
      PollResult result = pollOnce(changed);
      // Also after a failed poll: what it stored before failing is committed.
      pipeline.tell(changed);
      return result;
    } finally {
      pollLock.unlock();
    }
  }

  private PollResult pollOnce(Set<String> changed) {
    Instant started = clock.instant();
    Optional<Instant> cursor = Optional.empty();
    PollPass pass = null;
    try {
      cursor = state.instant(keys.cursor());
      Instant floor = started.minus(MAX_LOOKBACK);
      Instant from = cursor.map(c -> later(c.minus(OVERLAP), floor)).orElse(floor);
      pass =
          new PollPass(
              pipeline, paypal, cursor.isEmpty(), changed, SetAsidePass.start(setAside, started));
      WindowedListing.Stats stats = listing.list(from, started, floor, pass::page);
      pass.retrySetAside();
      pass.finish();
      // Capped at our start time: a dispute updated while we paged may have been passed over.
      Instant newest = pass.newest() == null ? null : earlier(pass.newest(), started);
      Instant next = newest == null ? cursor.orElse(from) : later(cursor.orElse(from), newest);
      state.put(keys.cursor(), next);
      state.put(keys.lastSuccess(), clock.instant());
      PollResult result =
          new PollResult(
              true,
              pass.firstRun(),
              pass.listed(),
              pass.changed(),
              pass.detailsRead(),
              stats.pages(),
              next,
              Duration.between(started, clock.instant()),
              null,
              pass.setAside());
      if (result.changed() > 0 || result.firstRun() || result.setAside() > 0) {
        log.info(
            "Poll{}: {} changed of {} listed, {} details read, {} set aside, {} pages",
            result.firstRun() ? " (first run)" : "",
            result.changed(),
            result.listed(),
            result.detailsRead(),
            result.setAside(),
            result.pages());
      }
      return result;
    } catch (SyncException e) {
      log.warn("Poll stopped; the cursor stays and the next poll catches up: {}", e.getMessage());
      return failed(pass, cursor, started, e.getMessage());
    } catch (PayPalException e) {
      log.warn(
          "Poll failed; the cursor stays and the next poll catches up. PayPal debug_id {}: {}",
          e.debugId(),
          e.getMessage());
      return failed(pass, cursor, started, e.getMessage());
    } catch (RuntimeException e) {
      log.error("Poll failed; the cursor stays and the next poll catches up", e);
      return failed(pass, cursor, started, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private PollResult failed(
      PollPass pass, Optional<Instant> cursor, Instant started, String error) {
    try {
      state.put(keys.lastError(), error == null ? "unknown error" : error);
      state.put(keys.lastErrorAt(), clock.instant());
    } catch (RuntimeException e) {
      log.error("Could not record the poll failure", e);
    }
    return new PollResult(
        false,
        pass != null && pass.firstRun(),
        pass == null ? 0 : pass.listed(),
        pass == null ? 0 : pass.changed(),
        pass == null ? 0 : pass.detailsRead(),
        0,
        cursor.orElse(null),
        Duration.between(started, clock.instant()),
        error,
        pass == null ? 0 : pass.setAside());
  }

  /** See {@link DisputeSync#rehearse(List)}. */
  List<DisputeEvent> rehearse(List<Dispute> reads) {
    List<DisputeEvent> events = new ArrayList<>();
    try {
      db.inTransaction(
          c -> {
            Instant now = clock.instant();
            Optional<Instant> cursor = state.instant(keys.cursor());
            SetAsidePass aside = SetAsidePass.start(setAside, now);
            pipeline.storedUpdateTimes(reads.stream().map(Dispute::disputeId).toList());
            reads.forEach(
                d -> {
                  aside.isWaiting(d.disputeId());
                  events.addAll(pipeline.applyChange(d, false).events());
                });
            aside.dueNotTried();
            state.put(keys.cursor(), cursor.orElse(now));
            throw new Rehearsed();
          });
    } catch (Rehearsed expected) {
      // Rolled back, as intended.
    }
    return events;
  }

  /** Rolls a rehearsal back; carries no stack trace. */
  private static final class Rehearsed extends RuntimeException {
    Rehearsed() {
      super(null, null, false, false);
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

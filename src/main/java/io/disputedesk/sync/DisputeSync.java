package io.disputedesk.sync;

import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.UpsertResult;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the stored disputes and their Slack cards in step with PayPal: polls for changes, stores
 * each new or newer dispute, and queues its card update and one thread reply per event.
 */
public final class DisputeSync implements DisputeRefresher {
  public static final String CURSOR = "poll.cursor";
  public static final String LAST_SUCCESS = "poll.last_success";
  public static final String LAST_ERROR = "poll.last_error";
  public static final String LAST_ERROR_AT = "poll.last_error_at";

  /** How far back each poll looks before its cursor, against clock skew and late writes. */
  static final Duration OVERLAP = Duration.ofMinutes(5);

  /** PayPal refuses list windows older than 180 days; a day of margin for slow requests. */
  static final Duration MAX_LOOKBACK = Duration.ofDays(179);

  private static final Logger log = LoggerFactory.getLogger(DisputeSync.class);

  private final String account;
  private final PollKeys keys;
  private final PayPalClient paypal;
  private final Database db;
  private final DisputeStore disputes;
  private final DisputeNotices notifier;
  private final SyncState state;
  private final Clock clock;
  private final ChangeListener changes;
  private final WindowedListing listing;
  private final SetAsideStore setAside;
  private final ReentrantLock pollLock = new ReentrantLock();

  public DisputeSync(
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock) {
    this(paypal, db, disputes, notifier, state, clock, ChangeListener.none());
  }

  /** Tells {@code changes} which disputes each poll, webhook or refresh found changed. */
  public DisputeSync(
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes) {
    this(paypal, db, disputes, notifier, state, clock, changes, WindowedListing.MAX_PAGES);
  }

  /** With a lower page limit per list window (tests of window splitting). */
  DisputeSync(
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes,
      int maxPagesPerWindow) {
    this("default", paypal, db, disputes, notifier, state, clock, changes, maxPagesPerWindow);
  }

  /**
   * The sync of one PayPal account: its disputes are stored under {@code account}, and its poll
   * keeps its own cursor and health ({@link PollKeys}) and its own set-aside list.
   */
  public DisputeSync(
      String account,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes) {
    this(account, PollKeys.of(account), paypal, db, disputes, notifier, state, clock, changes);
  }

  /**
   * As above, with the state keys given (one of several accounts: {@code PollKeys.of(account,
   * false)}).
   */
  public DisputeSync(
      String account,
      PollKeys keys,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes) {
    this(
        account,
        keys,
        paypal,
        db,
        disputes,
        notifier,
        state,
        clock,
        changes,
        WindowedListing.MAX_PAGES);
  }

  DisputeSync(
      String account,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes,
      int maxPagesPerWindow) {
    this(
        account,
        PollKeys.of(account),
        paypal,
        db,
        disputes,
        notifier,
        state,
        clock,
        changes,
        maxPagesPerWindow);
  }

  DisputeSync(
      String account,
      PollKeys keys,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes,
      int maxPagesPerWindow) {
    this.account = Objects.requireNonNull(account, "account");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.paypal = Objects.requireNonNull(paypal, "paypal");
    this.db = Objects.requireNonNull(db, "db");
    this.disputes = Objects.requireNonNull(disputes, "disputes");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.state = Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.listing = new WindowedListing(paypal, maxPagesPerWindow);
    this.setAside = new SetAsideStore(db, account);
  }

  /** The PayPal account this sync reads. */
  public String account() {
    return account;
  }

  /** Where this account's poll keeps its cursor and health. */
  public PollKeys keys() {
    return keys;
  }

  /**
   * Reads every dispute changed since the cursor and brings store and cards up to date. A dispute
   * whose details cannot be read or stored is set aside and tried again by later polls after a
   * backoff, while the rest of the poll goes on and the cursor advances. Never throws for a PayPal
   * or database failure: it is logged and recorded, the cursor stays, and the next poll catches up.
   * Polls run one at a time.
   */
  public PollResult poll() {
    pollLock.lock();
    try {
      Set<String> changed = new LinkedHashSet<>();
      PollResult result = pollOnce(changed);
      // Also after a failed poll: what it stored before failing is committed.
      tell(changed);
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
      pass = new PollPass(this, cursor.isEmpty(), changed, SetAsidePass.start(setAside, started));
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

  /** Re-reads the dispute from PayPal, runs it through the pipeline and re-renders its card. */
  @Override
  public void refresh(String disputeId) {
    Applied applied = applyAndTell(paypal.getDispute(disputeId));
    if (!applied.cardQueued()) {
      // Unchanged at PayPal; the card still re-renders (time left, owner) for whoever asked.
      notifier.refreshCard(disputeId, "refresh:" + clock.millis());
    }
  }

  /**
   * Runs one read of a dispute through the pipeline: stores it unless a newer one is stored, then
   * queues the card update and a thread reply per event. Returns the events (none for an older
   * read).
   */
  public List<DisputeEvent> apply(Dispute d) {
    return applyAndTell(d).events();
  }

  private Applied applyAndTell(Dispute d) {
    Applied applied = applyChange(d, true);
    if (applied.changed()) {
      tell(Set.of(d.disputeId()));
    }
    tellEvents(d, applied.events());
    return applied;
  }

  /**
   * Tells the listener a stored read's events (after its commit); its failure is logged and changes
   * nothing here.
   */
  void tellEvents(Dispute d, List<DisputeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      changes.events(d.disputeId(), d.updateTime(), events);
    } catch (RuntimeException e) {
      log.warn("Change listener failed for the events of {}", d.disputeId(), e);
    }
  }

  /**
   * The outcome of applying a read: {@code changed} when it was stored as a new dispute or a new
   * update time; {@code cardQueued} is false when its card refresh was already queued.
   */
  record Applied(boolean changed, List<DisputeEvent> events, boolean cardQueued) {}

  /**
   * Stores a read and queues its Slack writes; a dispute set aside earlier leaves the list. With
   * {@code recorded} the listener records the read's events in the same transaction (not for a
   * first run's history, whose events no one is told).
   */
  Applied applyChange(Dispute d, boolean recorded) {
    return db.atomically(
        () -> {
          setAside.clear(d.disputeId());
          UpsertResult r = disputes.upsert(account, d);
          if (!r.stored()) {
            return new Applied(false, List.of(), false);
          }
          boolean changed =
              r.previous().map(p -> !Objects.equals(p.updateTime(), d.updateTime())).orElse(true);
          List<DisputeEvent> events = DisputeDiff.between(r.previous(), d);
          String update = updateKey(d);
          boolean queued = notifier.refreshCard(d.disputeId(), "u" + update);
          Map<String, Integer> seen = new HashMap<>();
          for (DisputeEvent event : events) {
            int n = seen.merge(event.kind(), 1, Integer::sum) - 1;
            String key = update + ":" + event.kind() + (n == 0 ? "" : ":" + n);
            notifier.event(d.disputeId(), key, event, d.updateTime());
          }
          if (recorded && !events.isEmpty()) {
            changes.recording(d.disputeId(), d.updateTime(), events);
          }
          return new Applied(changed, events, queued);
        });
  }

  /**
   * Runs {@code reads} of one dispute through the pipeline (store, diff, card update and thread
   * replies) inside a transaction that is then rolled back: nothing stays stored or queued and no
   * listener hears of it. Returns the events the reads produced. Warms the poll's code at start,
   * with the poll's own reads around it (cursor, set-aside list, stored update times) and its
   * cursor write, rolled back as well.
   */
  public List<DisputeEvent> rehearse(List<Dispute> reads) {
    List<DisputeEvent> events = new ArrayList<>();
    try {
      db.inTransaction(
          c -> {
            Instant now = clock.instant();
            Optional<Instant> cursor = state.instant(keys.cursor());
            SetAsidePass aside = SetAsidePass.start(setAside, now);
            storedUpdateTimes(reads.stream().map(Dispute::disputeId).toList());
            reads.forEach(
                d -> {
                  aside.isWaiting(d.disputeId());
                  events.addAll(applyChange(d, false).events());
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

  /** Tells the listener what changed; its failure is logged and changes nothing here. */
  private void tell(Set<String> disputeIds) {
    if (disputeIds.isEmpty()) {
      return;
    }
    try {
      changes.changed(Set.copyOf(disputeIds));
    } catch (RuntimeException e) {
      log.warn("Change listener failed for {} disputes", disputeIds.size(), e);
    }
  }

  /** Stores a dispute without telling Slack (a first run's history). */
  void storeSilently(List<Dispute> batch) {
    if (!batch.isEmpty()) {
      db.atomically(
          () -> {
            batch.forEach(d -> disputes.upsert(account, d));
            return null;
          });
    }
  }

  /**
   * Queues the first run's summary and then a card for each dispute that needs us. With routes the
   * summary goes to each channel those cards go to, saying how many follow there (to the default
   * channel when none does).
   */
  void announceImport(int imported, Map<String, Instant> needResponse) {
    db.atomically(
        () -> {
          Map<String, Integer> perChannel = new LinkedHashMap<>();
          needResponse
              .keySet()
              .forEach(
                  id ->
                      notifier
                          .channelsFor(id)
                          .forEach(ch -> perChannel.merge(ch, 1, Integer::sum)));
          if (perChannel.isEmpty()) {
            perChannel.put(notifier.channel(), 0);
          }
          String key = account.equals("default") ? "import-summary" : "import-summary:" + account;
          perChannel.forEach(
              (ch, cards) ->
                  notifier.importSummary(
                      ch,
                      key + (ch.equals(notifier.channel()) ? "" : "@" + ch),
                      imported,
                      cards,
                      account));
          needResponse.forEach((id, update) -> notifier.refreshCard(id, "u" + updateKey(update)));
          return null;
        });
  }

  Dispute details(String disputeId) {
    return paypal.getDispute(disputeId);
  }

  Map<String, Instant> storedUpdateTimes(List<String> ids) {
    return disputes.updateTimes(ids);
  }

  static String updateKey(Dispute d) {
    return updateKey(d.updateTime());
  }

  private static String updateKey(Instant updateTime) {
    return updateTime == null ? "none" : Long.toString(updateTime.toEpochMilli());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}

package io.disputedesk.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the Slack outbox on two background threads: one posts (new cards, thread replies,
 * messages, files) paced per channel, the other updates cards already posted, paced on its own as
 * Slack rates {@code chat.update} apart from {@code chat.postMessage}, so a card never waits behind
 * other disputes' replies. Each claims due rows of its lane, honours Slack's {@code Retry-After}
 * per method, backs off on errors; the first settles rows a crash left half-sent.
 */
public final class OutboxSender {
  /**
   * The claim owner of the only sender on a database, so a restart can take back its own claims.
   */
  static final String WORKER = "outbox-sender";

  private static final String UPDATE_METHOD = "chat.update";
  private static final String UPDATE_KEY = "workspace";
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final OutboxStore outbox;
  private final Clock clock;
  private final Sleeper sleeper;
  private final SenderSettings settings;
  private final OutboxWorker worker;
  private final Pacer pacer;

  /** Card updates, workspace-wide: one key. */
  private final Pacer updatePacer;

  private final Delivery delivery;
  private final OutboxRecovery recovery;
  private final SlackWriteGate gate;
  private final CardStore cards;
  private final FailureNotes notes;
  private final Workload workload;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private boolean woken;
  private boolean updatesWoken;

  /**
   * Counts the wake-ups (rows queued): a batch of card updates claimed before one is out of date.
   */
  private final AtomicLong queued = new AtomicLong();

  private volatile boolean stopping;
  private volatile boolean abandoned;

  /**
   * Held while a send's outcome is written, and taken by a stop to give up on the sender: once it
   * has, the database may be closed, so no write starts and none is under way.
   */
  private final Object outcomeWrites = new Object();

  private volatile long flushDeadlineNanos;
  private Thread thread;
  private Thread updateThread;
  private Instant lastRecovery = Instant.EPOCH;

  /** The only sender on its database (SQLite: one process). */
  public OutboxSender(
      Database db,
      OutboxStore outbox,
      CardStore cards,
      DisputeStore disputes,
      CardBuilder builder,
      MethodsClient slack,
      ObjectMapper mapper,
      Clock clock,
      Sleeper sleeper,
      SenderSettings settings) {
    this(
        db,
        outbox,
        cards,
        disputes,
        builder,
        slack,
        mapper,
        clock,
        sleeper,
        settings,
        OutboxWorker.single());
  }

  /** A sender that is the only one on its database, or one of several replicas' senders. */
  public OutboxSender(
      Database db,
      OutboxStore outbox,
      CardStore cards,
      DisputeStore disputes,
      CardBuilder builder,
      MethodsClient slack,
      ObjectMapper mapper,
      Clock clock,
      Sleeper sleeper,
      SenderSettings settings,
      OutboxWorker worker) {
    this(
        db,
        outbox,
        cards,
        disputes,
        builder,
        slack,
        mapper,
        clock,
        sleeper,
        settings,
        worker,
        SlackWriteGate.ALWAYS_OPEN);
  }

  /** As above, holding every write while {@code gate} says Slack writes are paused. */
  public OutboxSender(
      Database db,
      OutboxStore outbox,
      CardStore cards,
      DisputeStore disputes,
      CardBuilder builder,
      MethodsClient slack,
      ObjectMapper mapper,
      Clock clock,
      Sleeper sleeper,
      SenderSettings settings,
      OutboxWorker worker,
      SlackWriteGate gate) {
    this(
        db,
        outbox,
        cards,
        disputes,
        new CardViews(builder, mapper, false),
        null,
        slack,
        mapper,
        clock,
        sleeper,
        settings,
        worker,
        gate,
        new Workload());
  }

  /**
   * As above, drawing cards with {@code views} and checking at send time that a card's channel is
   * one {@code routing} names for its dispute (null: every row's channel is); each batch of rows it
   * sends counts in {@code work}.
   */
  public OutboxSender(
      Database db,
      OutboxStore outbox,
      CardStore cards,
      DisputeStore disputes,
      CardViews views,
      CardRouting routing,
      MethodsClient slack,
      ObjectMapper mapper,
      Clock clock,
      Sleeper sleeper,
      SenderSettings settings,
      OutboxWorker worker,
      SlackWriteGate gate,
      Workload workload) {
    this.workload = Objects.requireNonNull(workload, "workload");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pacer = new Pacer(settings.sendInterval());
    this.updatePacer = new Pacer(settings.updateInterval());
    SlackWire wire = new SlackWire(slack, mapper);
    this.delivery =
        new Delivery(
            db,
            outbox,
            Objects.requireNonNull(cards, "cards"),
            disputes,
            views,
            routing,
            wire,
            mapper,
            clock,
            this::unlessAbandoned,
            channel -> pause(pacer.reserve(channel, clock.instant())));
    this.recovery = new OutboxRecovery(outbox, cards, wire, clock, mapper);
    this.cards = cards;
    this.notes = new FailureNotes(mapper);
  }

  /** Starts the background thread; it first settles what a previous run left half-sent. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("OutboxSender already started");
    }
    thread = new Thread(this::run, "slack-outbox");
    thread.setDaemon(true);
    updateThread = new Thread(this::runUpdates, "slack-outbox-updates");
    updateThread.setDaemon(true);
    thread.start();
  }

  /** Asks the sender to look for due rows now (called when a row is queued). */
  public void wakeUp() {
    queued.incrementAndGet();
    lock.lock();
    try {
      woken = true;
      updatesWoken = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends what is due for up to {@code grace}, then stops. A call still waiting for Slack then is
   * left alone: its row stays SENDING and the next start checks whether it went out.
   */
  public void stop(Duration grace) {
    Thread t;
    Thread u;
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (this) {
      t = thread;
      u = updateThread;
      flushDeadlineNanos = deadline;
      // Under the lock: the update thread is started only while not stopping.
      stopping = true;
    }
    wakeUp();
    if (t != null) {
      boolean alive = false;
      for (Thread each : new Thread[] {t, u}) {
        try {
          each.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        alive |= each.isAlive();
      }
      if (alive) {
        synchronized (outcomeWrites) {
          abandoned = true;
        }
        log.warn(
            "Slack sender still waiting on Slack at shutdown; that message is checked at the next start");
      }
    }
    outbox.release(worker.id());
  }

  /**
   * What the sender does when it starts: takes back its own claims and settles the rows a previous
   * run left half-sent. A fresh SENDING row may be another replica's send still in flight, so a
   * replica settles only rows whose lease has run out. Returns how many rows were settled.
   */
  int settleAtStart() {
    outbox.release(worker.id());
    return worker.onlySender()
        ? recovery.recoverAll()
        : recovery.recoverExpired(worker.id(), settings.lease());
  }

  private void run() {
    try {
      int settled = settleAtStart();
      if (settled > 0) {
        log.info("Settled {} Slack write(s) interrupted by the last shutdown", settled);
      }
      lastRecovery = clock.instant();
    } catch (RuntimeException e) {
      log.error("Could not settle interrupted Slack writes at start; trying again later", e);
    }
    // Started once the rows a previous run left half-sent are settled.
    synchronized (this) {
      if (!stopping) {
        updateThread.start();
      }
    }
    while (!stopping) {
      try {
        int handled = sendDue(OutboxLane.POSTS);
        if (!gate.writesPaused()) {
          recoverExpiredNowAndThen();
        }
        if (handled == 0) {
          idle(false, settings.tick());
        }
      } catch (RuntimeException e) {
        log.error("Slack sender pass failed; trying again", e);
        idle(false, settings.tick());
      }
    }
    flush(OutboxLane.POSTS);
  }

  private void runUpdates() {
    while (!stopping) {
      try {
        if (sendDue(OutboxLane.UPDATES) == 0) {
          idle(true, settings.tick());
        }
      } catch (RuntimeException e) {
        log.error("Slack card update pass failed; trying again", e);
        idle(true, settings.tick());
      }
    }
    flush(OutboxLane.UPDATES);
  }

  private void flush(OutboxLane lane) {
    while (!abandoned && System.nanoTime() < flushDeadlineNanos) {
      try {
        if (sendDue(lane) == 0) {
          return;
        }
      } catch (RuntimeException e) {
        log.warn("Slack sender could not flush at shutdown: {}", e.getMessage());
        return;
      }
    }
  }

  /**
   * Claims and sends one batch of due rows of every lane in order; returns how many rows it
   * handled. Sends nothing while Slack writes are paused (asking Slack again when a re-check is
   * due).
   */
  public int sendDue() {
    return sendDue(OutboxLane.ALL);
  }

  private int sendDue(OutboxLane lane) {
    if (gate.writesPaused()) {
      gate.recheckWhilePaused();
      if (gate.writesPaused()) {
        return 0;
      }
    }
    long seen = queued.get();
    List<OutboxRow> rows =
        outbox.claimDue(worker.id(), clock.instant(), settings.lease(), settings.batchSize(), lane);
    if (rows.isEmpty()) {
      return 0;
    }
    // Counted from before the first row leaves PENDING to after the last outcome (and any note
    // about a row given up) is written.
    workload.begin();
    try {
      return send(rows, lane == OutboxLane.UPDATES ? seen : -1);
    } finally {
      workload.end();
    }
  }

  /**
   * Sends the claimed rows in order. A batch of card updates claimed when {@link #queued} was
   * {@code seen} gives back its redraws once a row has been queued since: an update for a change
   * may now come first in the lane's order, and would otherwise wait for the whole batch (about 50
   * ms a row).
   */
  private int send(List<OutboxRow> rows, long seen) {
    Set<String> held = new HashSet<>();
    int handled = 0;
    for (int i = 0; i < rows.size(); i++) {
      OutboxRow row = rows.get(i);
      if (abandoned || (stopping && System.nanoTime() >= flushDeadlineNanos)) {
        break;
      }
      if (seen >= 0 && i > 0 && Notifier.REDRAW.equals(row.payload()) && queued.get() != seen) {
        // Each batch sends at least one row, so a stream of wake-ups cannot hold redraws back.
        outbox.giveBack(
            worker.id(), rows.subList(i, rows.size()).stream().map(OutboxRow::id).toList());
        return handled;
      }
      if (gate.writesPaused()) {
        // The token stopped working mid-batch: the rest wait in the outbox, unclaimed.
        outbox.retryLater(row.id(), clock.instant(), "Slack writes paused");
        continue;
      }
      boolean update = isUpdate(row);
      String card = row.disputeId() + " " + row.channel();
      if (row.disputeId() != null
          && (held.contains(card) || !update && held.contains(row.disputeId()))) {
        // Keeps the order (see OutboxStore): this row waits until the earlier one is through.
        outbox.retryLater(
            row.id(), clock.instant(), "waiting behind an earlier message of the dispute");
        continue;
      }
      if (handle(row, update) && row.disputeId() != null) {
        held.add(row.disputeId());
        if (Notifier.CARD.equals(row.kind())) {
          held.add(card);
        }
      }
      handled++;
    }
    return handled;
  }

  /** Settles rows left SENDING by an earlier run (the sender does this itself when started). */
  public int recoverInterrupted() {
    return recovery.recoverAll();
  }

  /**
   * An update of a card already posted: paced as {@code chat.update}, not as a post to the channel.
   */
  private boolean isUpdate(OutboxRow row) {
    return Notifier.CARD.equals(row.kind())
        && cards.find(row.disputeId(), row.channel()).isPresent();
  }

  /** Sends one row; true when it was put back for later. */
  private boolean handle(OutboxRow row, boolean update) {
    Instant now = clock.instant();
    // A reply updated in place is a chat.update too: paced with the card updates, not the posts.
    boolean paceAsUpdate = update || Notifier.EDIT.equals(row.kind());
    Pacer pacer = paceAsUpdate ? updatePacer : this.pacer;
    String key = paceAsUpdate ? UPDATE_KEY : row.channel();
    Duration wait = pacer.waitFor(key, now);
    if (wait.compareTo(settings.maxInlineWait()) > 0) {
      outbox.retryLater(row.id(), now.plus(wait), "waiting for Slack's rate limit");
      return true;
    }
    pause(wait);
    synchronized (outcomeWrites) {
      if (abandoned || stopping && System.nanoTime() >= flushDeadlineNanos) {
        // The stop's grace ran out during the wait: the row is left for the next start, unclaimed
        // by the stop.
        return true;
      }
      if (!outbox.markSending(row.id())) {
        return false;
      }
    }
    try {
      delivery.deliver(row);
      return false;
    } catch (SlackException e) {
      return failed(row, e);
    } catch (UndeliverableException e) {
      return undeliverable(row, e);
    } catch (RuntimeException e) {
      log.error(
          "Slack {} {} failed inside the bot; it stays SENDING and is checked when its lease ends",
          row.kind(),
          row.dedupeKey(),
          e);
      return true;
    } finally {
      // Posts are spaced (about one a second after the last); updates are a rate per minute.
      pacer.wrote(key, paceAsUpdate ? now.plus(wait) : clock.instant());
    }
  }

  private boolean failed(OutboxRow row, SlackException e) {
    if (e.isOutcomeUnknown()) {
      return unanswered(row, e);
    }
    synchronized (outcomeWrites) {
      return abandoned || refused(row, e);
    }
  }

  /** A call that got no answer: Slack is asked whether it went out (a lookup, then a write). */
  private boolean unanswered(OutboxRow row, SlackException e) {
    if (abandoned) {
      return true;
    }
    log.warn(
        "Slack {} {} got no answer ({}); checking whether it went out",
        row.kind(),
        row.dedupeKey(),
        e.error());
    try {
      recovery.settle(row, clock.instant().plus(settings.backoff(row.attempts() + 1)));
    } catch (SlackException lookup) {
      log.warn(
          "Could not check Slack ({}); the row is checked again when its lease ends",
          lookup.error());
    }
    return true;
  }

  /** A call Slack answered with an error: retried later, paused on or given up. */
  private boolean refused(OutboxRow row, SlackException e) {
    int attempts = row.attempts() + 1;
    Instant now = clock.instant();
    if (e.isAuthFailure() && gate.refused(e.error())) {
      // Not this row's fault: it waits, never given up on, until the token works again.
      outbox.retryLater(row.id(), now, e.error());
      log.warn(
          "Slack {} {} refused for the bot token ({}); kept in the outbox",
          row.kind(),
          row.dedupeKey(),
          e.error());
      return true;
    }
    if (e.isRateLimited()) {
      Instant until = now.plus(e.retryAfter().orElseThrow());
      // Slack limits each method on its own: a limited chat.update holds back only card updates.
      if (UPDATE_METHOD.equals(e.method())) {
        updatePacer.pause(UPDATE_KEY, until);
      } else {
        pacer.pause(row.channel(), until);
      }
      outbox.retryLater(row.id(), until, e.error());
      log.warn(
          "Slack rate-limited {} in {}: waiting {} s",
          e.method(),
          row.channel(),
          e.retryAfter().orElseThrow().toSeconds());
      return true;
    }
    if (e.isPermanent() || attempts >= settings.maxAttempts()) {
      outbox.markFailed(row.id(), e.error());
      log.error(
          "Gave up on Slack {} {} (dispute {}) after {} attempt(s): {}",
          row.kind(),
          row.dedupeKey(),
          row.disputeId(),
          attempts,
          e.getMessage());
      return false;
    }
    Duration delay = settings.backoff(attempts);
    outbox.retryLater(row.id(), now.plus(delay), e.error());
    log.warn(
        "Slack {} {} failed ({}); attempt {} of {}, next in {} s",
        row.kind(),
        row.dedupeKey(),
        e.error(),
        attempts,
        settings.maxAttempts(),
        delay.toSeconds());
    return true;
  }

  /**
   * A row that failed on our side before any Slack call: tried again with backoff like a Slack
   * error, then given up with a note, so it never holds back its dispute's later rows for good.
   */
  private boolean undeliverable(OutboxRow row, UndeliverableException e) {
    synchronized (outcomeWrites) {
      return abandoned || givenUpOrRetried(row, e);
    }
  }

  private boolean givenUpOrRetried(OutboxRow row, UndeliverableException e) {
    int attempts = row.attempts() + 1;
    if (attempts >= settings.maxAttempts()) {
      outbox.markFailed(row.id(), e.reason());
      log.error(
          "Gave up on Slack {} {} (dispute {}) after {} attempt(s), failing inside the bot: {}",
          row.kind(),
          row.dedupeKey(),
          row.disputeId(),
          attempts,
          e.reason());
      leaveNote(row, e.reason(), attempts);
      return false;
    }
    Duration delay = settings.backoff(attempts);
    outbox.retryLater(row.id(), clock.instant().plus(delay), e.reason());
    log.warn(
        "Slack {} {} could not be prepared ({}); attempt {} of {}, next in {} s",
        row.kind(),
        row.dedupeKey(),
        e.reason(),
        attempts,
        settings.maxAttempts(),
        delay.toSeconds());
    return true;
  }

  /** Queues the note about a row given up; a note that fails is only logged. */
  private void leaveNote(OutboxRow row, String reason, int attempts) {
    if (FailureNotes.isNote(row)) {
      return;
    }
    boolean hasCard = row.disputeId() != null && cards.find(row.disputeId()).isPresent();
    outbox.enqueue(notes.about(row, reason, attempts, hasCard));
  }

  /**
   * Runs {@code write} (a send's outcome) unless a stop has given up on this sender; false when it
   * did not run.
   */
  private boolean unlessAbandoned(Runnable write) {
    synchronized (outcomeWrites) {
      if (abandoned) {
        return false;
      }
      write.run();
      return true;
    }
  }

  private void recoverExpiredNowAndThen() {
    Instant now = clock.instant();
    if (Duration.between(lastRecovery, now).compareTo(settings.recoveryEvery()) >= 0) {
      lastRecovery = now;
      int settled = recovery.recoverExpired(worker.id(), settings.lease());
      if (settled > 0) {
        log.warn("Settled {} Slack write(s) whose send was cut off", settled);
      }
    }
  }

  private void pause(Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void idle(boolean updates, Duration tick) {
    lock.lock();
    try {
      if (!(updates ? updatesWoken : woken) && !stopping) {
        work.await(tick.toNanos(), TimeUnit.NANOSECONDS);
      }
      if (updates) {
        updatesWoken = false;
      } else {
        woken = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    } finally {
      lock.unlock();
    }
  }
}

package io.disputedesk.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox sender's two lane threads, each sending batches until a stop and then flushing: the
 * posts lane first settles what a previous run left half-sent and now and then what a cut-off send
 * left, then starts the card update lane.
 */
final class SenderLanes {
  private static final Logger log = LoggerFactory.getLogger(SenderLanes.class);

  private final OutboxStore outbox;
  private final OutboxWorker worker;
  private final OutboxRecovery recovery;
  private final BatchSender batches;
  private final SlackWriteGate gate;
  private final SenderSettings settings;
  private final SenderWakeUps wakeUps;
  private final SenderStop stop;
  private final Clock clock;
  private Thread thread;
  private Thread updateThread;
  private Instant lastRecovery = Instant.EPOCH;

  SenderLanes(
      OutboxStore outbox,
      OutboxWorker worker,
      OutboxRecovery recovery,
      BatchSender batches,
      SlackWriteGate gate,
      SenderSettings settings,
      SenderWakeUps wakeUps,
      SenderStop stop,
      Clock clock) {
    this.outbox = outbox;
    this.worker = worker;
    this.recovery = recovery;
    this.batches = batches;
    this.gate = gate;
    this.settings = settings;
    this.wakeUps = wakeUps;
    this.stop = stop;
    this.clock = clock;
  }

  /** Starts the lanes; see {@link OutboxSender#start}. */
  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("OutboxSender already started");
    }
    thread = new Thread(this::run, "slack-outbox");
    thread.setDaemon(true);
    updateThread = new Thread(this::runUpdates, "slack-outbox-updates");
    updateThread.setDaemon(true);
    thread.start();
  }

  /** Flushes for up to {@code grace}, then stops; see {@link OutboxSender#stop}. */
  void stop(Duration grace) {
    Thread t;
    Thread u;
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (this) {
      t = thread;
      u = updateThread;
      // Under the lock: the update thread is started only while not stopping.
      stop.ask(deadline);
    }
    wakeUps.wakeUp();
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
        stop.abandon();
        log.warn(
            "Slack sender still waiting on Slack at shutdown; that message is checked at the next start");
      }
    }
    outbox.release(worker.id());
  }

  /** Settles what a previous run left; see {@link OutboxSender#settleAtStart}. */
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
      if (!stop.asked()) {
        updateThread.start();
      }
    }
    while (!stop.asked()) {
      try {
        int handled = batches.sendDue(OutboxLane.POSTS);
        if (!gate.writesPaused()) {
          recoverExpiredNowAndThen();
        }
        if (handled == 0) {
          wakeUps.idle(false, settings.tick(), stop);
        }
      } catch (RuntimeException e) {
        log.error("Slack sender pass failed; trying again", e);
        wakeUps.idle(false, settings.tick(), stop);
      }
    }
    flush(OutboxLane.POSTS);
  }

  private void runUpdates() {
    while (!stop.asked()) {
      try {
        if (batches.sendDue(OutboxLane.UPDATES) == 0) {
          wakeUps.idle(true, settings.tick(), stop);
        }
      } catch (RuntimeException e) {
        log.error("Slack card update pass failed; trying again", e);
        wakeUps.idle(true, settings.tick(), stop);
      }
    }
    flush(OutboxLane.UPDATES);
  }

  private void flush(OutboxLane lane) {
    while (stop.mayFlush()) {
      try {
        if (batches.sendDue(lane) == 0) {
          return;
        }
      } catch (RuntimeException e) {
        log.warn("Slack sender could not flush at shutdown: {}", e.getMessage());
        return;
      }
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
}

package io.disputedesk.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Delivers the Slack outbox on two background threads: one posts (new cards, thread replies,
 * messages, files) paced per channel, the other updates cards already posted, paced on its own as
 * Slack rates {@code chat.update} apart from {@code chat.postMessage}, so a card never waits behind
 * other disputes' replies. Each claims due rows of its lane, honours Slack's {@code Retry-After}
 * per method, backs off on errors; the first settles rows a crash left half-sent. Built here from
 * {@link SenderLanes} (the threads), {@link BatchSender} (a batch) and {@link SendFailures}.
 */
public final class OutboxSender {
  /**
   * The claim owner of the only sender on a database, so a restart can take back its own claims.
   */
  static final String WORKER = "outbox-sender";

  private final OutboxRecovery recovery;
  private final BatchSender batches;
  private final SenderLanes lanes;
  private final SenderWakeUps wakeUps = new SenderWakeUps();
  private final SenderStop stop = new SenderStop();

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
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(outbox, "outbox");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(settings, "settings");
    SenderPacing pacing = new SenderPacing(settings, sleeper);
    SlackWire wire = new SlackWire(slack, mapper);
    Delivery delivery =
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
            stop::unlessAbandoned,
            channel -> pacing.awaitPost(channel, clock.instant()));
    this.recovery = new OutboxRecovery(outbox, cards, wire, clock, mapper);
    SendFailures failures =
        new SendFailures(
            outbox, cards, recovery, new FailureNotes(mapper), pacing, gate, settings, stop, clock);
    this.batches =
        new BatchSender(
            outbox, cards, delivery, failures, pacing, gate, worker, settings, workload, wakeUps,
            stop, clock);
    this.lanes =
        new SenderLanes(outbox, worker, recovery, batches, gate, settings, wakeUps, stop, clock);
  }

  /** Starts the background thread; it first settles what a previous run left half-sent. */
  public void start() {
    lanes.start();
  }

  /** Asks the sender to look for due rows now (called when a row is queued). */
  public void wakeUp() {
    wakeUps.wakeUp();
  }

  /**
   * Sends what is due for up to {@code grace}, then stops. A call still waiting for Slack then is
   * left alone: its row stays SENDING and the next start checks whether it went out.
   */
  public void stop(Duration grace) {
    lanes.stop(grace);
  }

  /**
   * What the sender does when it starts: takes back its own claims and settles the rows a previous
   * run left half-sent. A fresh SENDING row may be another replica's send still in flight, so a
   * replica settles only rows whose lease has run out. Returns how many rows were settled.
   */
  int settleAtStart() {
    return lanes.settleAtStart();
  }

  /**
   * Claims and sends one batch of due rows of every lane in order; returns how many rows it
   * handled. Sends nothing while Slack writes are paused (asking Slack again when a re-check is
   * due).
   */
  public int sendDue() {
    return batches.sendDue(OutboxLane.ALL);
  }

  /** Settles rows left SENDING by an earlier run (the sender does this itself when started). */
  public int recoverInterrupted() {
    return recovery.recoverAll();
  }
}

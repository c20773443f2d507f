package io.disputedesk.slack;

import io.disputedesk.concurrent.Workload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a batch of an outbox lane's due rows and sends it in order, paced, each row marked SENDING
 * just before its Slack call; a dispute's later rows wait behind one put back.
 */
final class BatchSender {
  private static final Logger log = LoggerFactory.getLogger(BatchSender.class);

  private final OutboxStore outbox;
  private final CardStore cards;
  private final Delivery delivery;
  private final SendFailures failures;
  private final SenderPacing pacing;
  private final SlackWriteGate gate;
  private final OutboxWorker worker;
  private final SenderSettings settings;
  private final Workload workload;
  private final SenderWakeUps wakeUps;
  private final SenderStop stop;
  private final Clock clock;

  BatchSender(
      OutboxStore outbox,
      CardStore cards,
      Delivery delivery,
      SendFailures failures,
      SenderPacing pacing,
      SlackWriteGate gate,
      OutboxWorker worker,
      SenderSettings settings,
      Workload workload,
      SenderWakeUps wakeUps,
      SenderStop stop,
      Clock clock) {
    this.outbox = outbox;
    this.cards = cards;
    this.delivery = delivery;
    this.failures = failures;
    this.pacing = pacing;
    this.gate = gate;
    this.worker = worker;
    this.settings = settings;
    this.workload = workload;
    this.wakeUps = wakeUps;
    this.stop = stop;
    this.clock = clock;
  }

  /**
   * Claims and sends one batch of due rows of {@code lane} in order; returns how many rows it
   * handled. Sends nothing while Slack writes are paused (asking Slack again when a re-check is
   * due).
   */
  int sendDue(OutboxLane lane) {
    if (gate.writesPaused()) {
      gate.recheckWhilePaused();
      if (gate.writesPaused()) {
        return 0;
      }
    }
    long seen = wakeUps.queued();
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
   * Sends the claimed rows in order. A batch of card updates claimed when {@link
   * SenderWakeUps#queued} was {@code seen} gives back its redraws once a row has been queued since:
   * an update for a change may now come first in the lane's order, and would otherwise wait for the
   * whole batch (about 50 ms a row).
   */
  private int send(List<OutboxRow> rows, long seen) {
    Set<String> held = new HashSet<>();
    int handled = 0;
    for (int i = 0; i < rows.size(); i++) {
      OutboxRow row = rows.get(i);
      if (stop.outOfTime()) {
        break;
      }
      if (seen >= 0 && i > 0 && Notifier.REDRAW.equals(row.payload()) && wakeUps.queued() != seen) {
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
        // Keeps the order (see OutboxLane): this row waits until the earlier one is through.
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
    Duration wait = pacing.waitFor(paceAsUpdate, row.channel(), now);
    if (wait.compareTo(settings.maxInlineWait()) > 0) {
      outbox.retryLater(row.id(), now.plus(wait), "waiting for Slack's rate limit");
      return true;
    }
    pacing.pause(wait);
    synchronized (stop) {
      if (stop.outOfTime()) {
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
      return failures.failed(row, e);
    } catch (UndeliverableException e) {
      return failures.undeliverable(row, e);
    } catch (RuntimeException e) {
      log.error(
          "Slack {} {} failed inside the bot; it stays SENDING and is checked when its lease ends",
          row.kind(),
          row.dedupeKey(),
          e);
      return true;
    } finally {
      // Posts are spaced (about one a second after the last); updates are a rate per minute.
      pacing.wrote(paceAsUpdate, row.channel(), paceAsUpdate ? now.plus(wait) : clock.instant());
    }
  }
}

package io.disputedesk.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what becomes of an outbox row whose send failed: checked with Slack when unanswered, held
 * for {@code Retry-After} or a refused token, retried with backoff, or given up with a note.
 */
final class SendFailures {
  private static final Logger log = LoggerFactory.getLogger(SendFailures.class);

  private final OutboxStore outbox;
  private final CardStore cards;
  private final OutboxRecovery recovery;
  private final FailureNotes notes;
  private final SenderPacing pacing;
  private final SlackWriteGate gate;
  private final SenderSettings settings;
  private final SenderStop stop;
  private final Clock clock;

  SendFailures(
      OutboxStore outbox,
      CardStore cards,
      OutboxRecovery recovery,
      FailureNotes notes,
      SenderPacing pacing,
      SlackWriteGate gate,
      SenderSettings settings,
      SenderStop stop,
      Clock clock) {
    this.outbox = outbox;
    this.cards = cards;
    this.recovery = recovery;
    this.notes = notes;
    this.pacing = pacing;
    this.gate = gate;
    this.settings = settings;
    this.stop = stop;
    this.clock = clock;
  }

  /** A Slack call that failed; true when the row was put back for later. */
  boolean failed(OutboxRow row, SlackException e) {
    if (e.isOutcomeUnknown()) {
      return unanswered(row, e);
    }
    synchronized (stop) {
      return stop.abandoned() || refused(row, e);
    }
  }

  /**
   * A row that failed on our side before any Slack call: tried again with backoff like a Slack
   * error, then given up with a note, so it never holds back its dispute's later rows for good.
   * True when it was put back for later.
   */
  boolean undeliverable(OutboxRow row, UndeliverableException e) {
    synchronized (stop) {
      return stop.abandoned() || givenUpOrRetried(row, e);
    }
  }

  /** A call that got no answer: Slack is asked whether it went out (a lookup, then a write). */
  private boolean unanswered(OutboxRow row, SlackException e) {
    if (stop.abandoned()) {
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
      pacing.rateLimited(e.method(), row.channel(), until);
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

  private boolean givenUpOrRetried(OutboxRow row, UndeliverableException e) {
    int attempts = row.attempts() + 1;
    if (attempts >= settings.maxAttempts()) {
      outbox.giveUp(row.id(), e.reason(), note(row, e.reason(), attempts));
      log.error(
          "Gave up on Slack {} {} (dispute {}) after {} attempt(s), failing inside the bot: {}",
          row.kind(),
          row.dedupeKey(),
          row.disputeId(),
          attempts,
          e.reason());
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

  /** The note about a row given up; none about a note that fails, which is only logged. */
  private Optional<OutboxEntry> note(OutboxRow row, String reason, int attempts) {
    if (FailureNotes.isNote(row)) {
      return Optional.empty();
    }
    boolean hasCard = row.disputeId() != null && cards.find(row.disputeId()).isPresent();
    return Optional.of(notes.about(row, reason, attempts, hasCard));
  }
}

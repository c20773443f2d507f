package io.disputedesk.slack.actions;

import io.disputedesk.slack.BusyNote;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the work that follows an ack to the bounded action executor, and private notes to a
 * separate one, so that a person hears "busy" even while every action thread waits on PayPal.
 */
final class AfterAck {
  static final String BUSY = BusyNote.TEXT + " Nothing was done.";
  private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

  private final Executor work;
  private final Executor notes;
  private final Notices notices;

  AfterAck(Executor work, Executor notes, Notices notices) {
    this.work = work;
    this.notes = notes;
    this.notices = notices;
  }

  /** Queues {@code task}; false, with nothing queued, when the executor is full. */
  boolean submit(Runnable task) {
    try {
      work.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      log.warn("Action executor is full; the work was not queued");
      return false;
    }
  }

  /** Queues {@code task}, or tells the person Dispute Desk is busy when the executor is full. */
  void submitOrTellBusy(String channel, String userId, Runnable task) {
    if (!submit(task)) {
      tell(channel, userId, BUSY);
    }
  }

  /**
   * A refusal: audited and told on the note executor, never queued behind running actions, so a
   * full action queue does not turn "you may not" into "busy"; when even the note queue is full, it
   * is audited here and the note dropped (logged).
   */
  void refuse(String channel, String userId, Runnable audit, Optional<String> note) {
    try {
      notes.execute(
          () -> {
            audit.run();
            note.ifPresent(text -> notices.tell(channel, userId, text));
          });
    } catch (RejectedExecutionException e) {
      audit.run();
      log.warn("Refusal note to {} dropped: the note executor is full", userId);
    }
  }

  /** An ephemeral note sent on the calling thread (already off the ack path). */
  void tellNow(String channel, String userId, String text) {
    notices.tell(channel, userId, text);
  }

  /**
   * An ephemeral note, sent off the ack path; dropped (logged) only when even the note queue is
   * full.
   */
  void tell(String channel, String userId, String text) {
    try {
      notes.execute(() -> notices.tell(channel, userId, text));
    } catch (RejectedExecutionException e) {
      log.warn("Note to {} dropped: the note executor is full", userId);
    }
  }
}

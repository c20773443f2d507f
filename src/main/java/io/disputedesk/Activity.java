package io.disputedesk;

import io.disputedesk.concurrent.Workload;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * What a running bot was doing at one look.
 *
 * @param begun how much work it had taken on since it started; it only grows, so two idle looks
 *     with the same count had no work start between them
 * @param working whether work was under way during the look: a task queued or running on one of its
 *     pools (actions, background, commands, rules, order facts, follow-ups), a job, a batch being
 *     sent to Slack, or a request being answered
 * @param outboxBacklog Slack writes queued or being sent
 * @param actionsInFlight actions recorded as waiting on PayPal (on a shared database, any
 *     replica's)
 */
public record Activity(long begun, boolean working, int outboxBacklog, int actionsInFlight) {
  /** Nothing under way, nothing left for Slack and no action waiting on PayPal. */
  public boolean idle() {
    return !working && outboxBacklog == 0 && actionsInFlight == 0;
  }

  /**
   * Looks at the work counted in {@code work} before and after reading the rest, so that work which
   * starts or hands over during the look makes it {@link #working()}.
   */
  static Activity look(
      Workload work,
      BooleanSupplier requestsIdle,
      IntSupplier outboxBacklog,
      IntSupplier inFlight) {
    long before = work.begun();
    boolean working = work.unfinished() > 0 || !requestsIdle.getAsBoolean();
    int backlog = outboxBacklog.getAsInt();
    int actions = inFlight.getAsInt();
    working |= work.unfinished() > 0 || work.begun() != before;
    return new Activity(before, working, backlog, actions);
  }
}

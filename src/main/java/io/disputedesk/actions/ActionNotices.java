package io.disputedesk.actions;

import io.disputedesk.dispute.Action;

/**
 * What the actions tell the team: notes in a dispute's thread, the dispute's cards redrawn, a
 * person's own overview republished. The Slack layer decides how they look and queues them. Each
 * write has a dedupe key naming its intent; true when a write was queued that was not before.
 */
public interface ActionNotices {
  /** Notes {@code note} in the thread of each of the dispute's cards. */
  boolean note(String disputeId, String dedupeKey, ActionNote note);

  /**
   * Redraws the dispute's cards from its latest stored state; {@code reason} makes the intent
   * unique.
   */
  boolean refreshCard(String disputeId, String reason);

  /**
   * The action's outcome is known and recorded ({@code a} is SUCCEEDED or FAILED), whether PayPal
   * answered at once or it was settled later (by reading the dispute, or by hand): what waited on
   * it (an evidence draft being sent) follows. Called by whoever recorded it; more than once for
   * the same action is harmless.
   */
  void settled(Action a);
}

package io.disputedesk.actions;

import io.disputedesk.dispute.Snooze;
import java.time.Duration;
import java.time.Instant;

/**
 * What the actions tell a dispute's thread: how an action ended, a second approver asked for,
 * tracking added with evidence, an owner or a snooze changed. Plain values; the Slack layer says
 * them ({@link ActionNotices}).
 */
public sealed interface ActionNote {
  /** PayPal accepted the action; {@code debugId} (nullable) is PayPal's. */
  record Succeeded(ActionSubject subject, boolean moneyDelayed, String debugId)
      implements ActionNote {}

  /**
   * PayPal refused: {@code error} is its reason in plain words, already ending with its debug id.
   */
  record Failed(ActionSubject subject, String error) implements ActionNote {}

  /** PayPal did not answer in time; checked again after {@code recheckIn}. */
  record Unclear(ActionSubject subject, Duration recheckIn) implements ActionNote {}

  /** PayPal's answer was lost, but the dispute shows it went through ({@code evidence}). */
  record ConfirmedLater(ActionSubject subject, String evidence) implements ActionNote {}

  /** PayPal's answer was lost and the dispute shows it did not happen ({@code why}). */
  record NotDone(ActionSubject subject, String why, boolean canRetry) implements ActionNote {}

  /** PayPal's answer was lost and the dispute shows neither: someone must check PayPal. */
  record Unproven(long actionId, ActionSubject subject, String why) implements ActionNote {}

  /** The dispute could not be read to settle the action: someone must check PayPal. */
  record StillUnclear(long actionId, ActionSubject subject) implements ActionNote {}

  /** Someone ({@code by}) checked PayPal and said whether the action happened. */
  record SettledByHand(ActionSubject subject, String by, boolean happened) implements ActionNote {}

  /** Tracking added to PayPal with evidence {@code requestedBy} sent. */
  record TrackerAdded(String requestedBy, String carrier, String trackingNumber)
      implements ActionNote {}

  /** Tracking PayPal did not add ({@code why}, plain words); the evidence stands. */
  record TrackerFailed(String requestedBy, String carrier, String trackingNumber, String why)
      implements ActionNote {}

  /** A second approver must approve; {@code consequence} and {@code why} in plain words. */
  record ApprovalRequested(long actionId, ActionSubject subject, String consequence, String why)
      implements ActionNote {}

  /** A held request rejected or withdrawn by {@code decidedBy}. */
  record Rejected(ActionSubject subject, String decidedBy) implements ActionNote {}

  /** A held request cancelled ({@code reason}). */
  record Cancelled(ActionSubject subject, String reason) implements ActionNote {}

  /** {@code owner} owns the dispute now, made so by {@code by}; {@code previousOwner} nullable. */
  record Assigned(String owner, String by, String previousOwner) implements ActionNote {}

  /** {@code by} removed the owner {@code previousOwner}. */
  record Unassigned(String previousOwner, String by) implements ActionNote {}

  /** Someone snoozed the dispute ({@code snooze}). */
  record Snoozed(Snooze snooze) implements ActionNote {}

  /** {@code by} ended the snooze from the card. */
  record Unsnoozed(Snooze snooze, String by) implements ActionNote {}

  /** The snooze ended by itself ({@code snooze.wake()} says why); {@code sellerDue} nullable. */
  record Woke(Snooze snooze, Instant sellerDue, Instant now) implements ActionNote {}
}

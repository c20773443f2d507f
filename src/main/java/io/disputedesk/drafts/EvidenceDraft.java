package io.disputedesk.drafts;

import java.time.Instant;

/**
 * A Provide evidence form saved instead of sent.
 *
 * @param formJson the form's state as Slack sent it (type, notes, tracking, item, Slack file ids
 *     and names)
 * @param summary one line for the thread and the reminders, already written for Slack
 */
public record EvidenceDraft(
    long id,
    String disputeId,
    String formJson,
    String summary,
    String author,
    String updatedBy,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    String sentBy) {

  public enum Status {
    /** Saved, editable, not sent. */
    DRAFT,
    /**
     * Claimed for sending: not sent again, nor edited, while PayPal's answer is awaited (or,
     * unknown, settled by the action ledger); a refusal makes it a draft again.
     */
    SENDING,
    /** PayPal accepted it. */
    SENT,
    /** The dispute moved on before the draft was sent. */
    OVERTAKEN
  }

  /** Leaves the form out: it holds the buyer-facing notes. */
  @Override
  public String toString() {
    return "EvidenceDraft[" + id + " " + disputeId + " " + status + "]";
  }
}

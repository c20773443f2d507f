package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The note left where people look when an outbox row is given up for a reason of our own: a reply
 * in the dispute card's thread, or a channel message when the dispute has no card. A note is never
 * noted itself.
 */
final class FailureNotes {
  private static final String MARK = "#undeliverable#";

  private final ObjectMapper mapper;

  FailureNotes(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  static boolean isNote(OutboxRow row) {
    return row.dedupeKey().contains(MARK);
  }

  /**
   * The note about {@code row}, given up after {@code attempts} tries; {@code hasCard} picks thread
   * or channel.
   */
  OutboxEntry about(OutboxRow row, String reason, int attempts, boolean hasCard) {
    boolean inThread = hasCard && row.disputeId() != null;
    String dispute = row.disputeId() == null ? "" : Mrkdwn.escape(row.disputeId());
    String subject =
        switch (row.kind()) {
          case Notifier.CARD ->
              inThread
                  ? "This dispute's card could not be updated"
                  : "The card of dispute " + dispute + " could not be posted";
          case Notifier.THREAD ->
              inThread
                  ? "An update for this thread could not be posted"
                  : "An update about dispute " + dispute + " could not be posted";
          case Notifier.EDIT ->
              inThread
                  ? "A message in this thread could not be updated"
                  : "A message about dispute " + dispute + " could not be updated";
          default -> "A Dispute Desk message could not be posted";
        };
    String text =
        ":warning: "
            + subject
            + " ("
            + Mrkdwn.escape(reason)
            + ") and was given up after "
            + attempts
            + (attempts == 1 ? " try" : " tries")
            + ". The details are in Dispute Desk's log; nothing changed in PayPal.";
    return inThread
        ? new OutboxEntry(
            "thread:" + row.disputeId() + MARK + row.id(),
            Notifier.THREAD,
            row.channel(),
            row.disputeId(),
            json(SlackPost.text(text)))
        : new OutboxEntry(
            "message" + MARK + row.id(),
            Notifier.MESSAGE,
            row.channel(),
            null,
            json(SlackPost.text(text)));
  }

  private String json(SlackPost post) {
    try {
      return mapper.writeValueAsString(post);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a Slack post", e);
    }
  }
}

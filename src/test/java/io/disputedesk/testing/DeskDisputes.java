package io.disputedesk.testing;

import io.disputedesk.sim.SimDisputeSpecBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DeskDriver}'s disputes: made in PayPal and brought to Slack as the bot would (a poll, or
 * a refresh), each with its card settled, so that the card's later redraws are the ones a test
 * causes.
 */
final class DeskDisputes {
  private final DeskDriver desk;
  private final Map<String, Long> cardUpdatesSeen = new ConcurrentHashMap<>();

  DeskDisputes(DeskDriver desk) {
    this.desk = desk;
  }

  /** Creates the dispute in PayPal and lets a poll post its card. */
  String dispute(SimDisputeSpecBuilder spec) {
    String id = desk.sim.createDispute(spec.build());
    poll();
    if (desk.cards.find(id).isEmpty()) {
      // A first run posts cards only for disputes waiting on us; a refresh draws any card.
      importDispute(id);
    }
    Await.until("the card of " + id + " is posted", () -> desk.cards.find(id).isPresent());
    awaitOrderFacts(id);
    cardUpdatesSeen.put(id, cardUpdates(id));
    return id;
  }

  /**
   * Waits until an open dispute's order facts arrived and its card shows them, so that the card's
   * later updates are the ones a test causes.
   */
  private void awaitOrderFacts(String id) {
    if (desk.disputes.find(id).orElseThrow().dispute().isResolved()) {
      return;
    }
    Await.until(
        "the order facts of " + id + " are fetched",
        () -> desk.orderFacts.find(id).filter(f -> !f.isPending()).isPresent());
    desk.awaitSlackQuiet();
  }

  /**
   * Polls PayPal now, as the scheduled job does, and waits until Slack has what the poll queued.
   */
  void poll() {
    if (!desk.app().pollNow().ok()) {
      throw new AssertionError("poll failed");
    }
    desk.awaitSlackQuiet();
  }

  /** Reads the dispute from PayPal again, as a poll or webhook would, and redraws its card. */
  void importDispute(String id) {
    desk.app().refresher().refresh(id);
    desk.awaitSlackQuiet();
    cardUpdatesSeen.put(id, cardUpdates(id));
  }

  /** How often the card message was updated in place ({@code chat.update} on its ts). */
  long cardUpdates(String disputeId) {
    String ts = desk.cardTs(disputeId);
    return desk.slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).count();
  }

  /** Waits until the card was redrawn since the dispute was set up (or last imported). */
  void awaitCardRefresh(String disputeId) {
    long seen = cardUpdatesSeen.getOrDefault(disputeId, 0L);
    Await.until("the card of " + disputeId + " is redrawn", () -> cardUpdates(disputeId) > seen);
  }
}

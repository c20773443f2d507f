package io.disputedesk.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** Which outbox rows a claim takes, which earlier rows each waits for, and in what order. */
enum OutboxLane {
  /** Card updates: {@code chat.update} of a card already posted. */
  UPDATES,
  /** Everything else: new cards, thread replies, messages and files. */
  POSTS,
  /** Both. */
  ALL;

  /**
   * How much later than it was queued a redraw counts in the card update lane's order: a redraw
   * (new order facts, nothing changed in the dispute) lets the updates for changes queued up to
   * this long after it go first, and still goes out at most this much later than in queue order.
   */
  static final Duration REDRAW_DELAY = Duration.ofSeconds(10);

  /*
   * The card update lane's order: by when each row was queued, a redraw counted REDRAW_DELAY later
   * unless a newer update for a change of the same card is pending (the redraw then goes with it
   * and is superseded by it, so the change never waits for a redraw kept back), then by id. Only
   * rows of different cards change places: a card's own rows still go out in id order (above).
   */
  private static final String UPDATE_ORDER =
      "o.created_at + CASE WHEN o.payload = '"
          + Notifier.REDRAW
          + "' AND NOT EXISTS (SELECT 1 FROM slack_outbox n"
          + " WHERE n.dispute_id = o.dispute_id AND n.channel = o.channel AND n.kind = 'CARD'"
          + " AND n.status = 'PENDING' AND n.id > o.id"
          + " AND (n.payload IS NULL OR n.payload <> '"
          + Notifier.REDRAW
          + "')) THEN "
          + REDRAW_DELAY.toMillis()
          + " ELSE 0 END, o.id";

  /*
   * Lanes keep the order that matters. A card update (a CARD row whose card is already posted in
   * its channel) follows only the earlier CARD rows of that card; every other row of a dispute (its
   * first card post, its thread replies) follows every earlier row of the dispute, as it always did.
   * So a card's first post precedes its updates (an update is only one once the post is recorded),
   * thread replies keep their order and come after the card changes queued before them, and an
   * update never waits behind a thread reply, which Slack lets out only one a second per channel.
   */
  static String isUpdate(String row) {
    return "("
        + row
        + ".kind = 'CARD' AND EXISTS (SELECT 1 FROM slack_cards k"
        + " WHERE k.dispute_id = "
        + row
        + ".dispute_id AND k.channel = "
        + row
        + ".channel))";
  }

  /** True when row {@code o} waits for the earlier row {@code p} of the same dispute. */
  static String waitsFor(String o, String p) {
    return "(NOT "
        + isUpdate(o)
        + " OR ("
        + p
        + ".kind = 'CARD' AND "
        + p
        + ".channel = "
        + o
        + ".channel))";
  }

  /** The condition on candidate row {@code o} that puts it in this lane. */
  String where() {
    return switch (this) {
      case UPDATES -> isUpdate("o");
      case POSTS -> "NOT " + isUpdate("o");
      case ALL -> "1 = 1";
    };
  }

  /** The SQL order the lane's candidate rows {@code o} are claimed in; see UPDATE_ORDER. */
  String order() {
    return this == UPDATES ? UPDATE_ORDER : "o.id";
  }

  /** The order rows are claimed and sent in; see UPDATE_ORDER. */
  Comparator<OutboxRow> sendOrder() {
    return this == UPDATES
        ? Comparator.comparing(OutboxLane::updateOrder).thenComparingLong(OutboxRow::id)
        : Comparator.comparingLong(OutboxRow::id);
  }

  /**
   * A claimed update's place in the lane's order (its batch holds no other row of its card: older
   * ones are superseded).
   */
  private static Instant updateOrder(OutboxRow row) {
    return Notifier.REDRAW.equals(row.payload())
        ? row.createdAt().plus(REDRAW_DELAY)
        : row.createdAt();
  }
}

package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.routing.Subscription;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.SlackPost;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A new subscription's one-time backfill, by the first run's rule: one summary message, then a card
 * only for each open matching dispute that waits for our response (at most {@link #CARDS}, nearest
 * deadline first); the rest come at their next change. Keyed by the subscription, so a retried
 * command or a second replica never posts it twice.
 */
public final class SubscriptionBackfill implements SubscriptionCommands.Backfill {
  static final int CARDS = 50;

  /** How many open matching disputes are looked at for the ones that wait for us. */
  private static final int LOOK_AT = 1000;

  private final Database db;
  private final DisputeQueries queries;
  private final Notifier notifier;
  private final Clock clock;

  public SubscriptionBackfill(Database db, DisputeQueries queries, Notifier notifier, Clock clock) {
    this.db = db;
    this.queries = queries;
    this.notifier = notifier;
    this.clock = clock;
  }

  @Override
  public String run(Subscription s) {
    DisputeFilter filter = s.filter();
    if (filter.view() != null && filter.view() != DisputeView.OPEN) {
      return "Nothing to backfill: it follows resolved or waiting disputes, which need no response from us.";
    }
    Instant now = clock.instant();
    ListFilter open = ListFilter.of(filter.withView(DisputeView.OPEN), null);
    long matching = queries.count(open, now);
    List<DisputeLine> needUs =
        queries.list(open, now, 0, LOOK_AT).stream().filter(DisputeLine::waitsForSeller).toList();
    List<DisputeLine> cards = needUs.subList(0, Math.min(CARDS, needUs.size()));
    String summary =
        ":inbox_tray: This channel now follows `"
            + s.words()
            + "`: "
            + matching
            + (matching == 1 ? " open dispute matches, " : " open disputes match, ")
            + needUs.size()
            + (needUs.size() == 1 ? " needs" : " need")
            + " a response."
            + (cards.isEmpty()
                ? ""
                : cards.size() < needUs.size()
                    ? " Cards follow for the " + cards.size() + " with the nearest deadlines;"
                    : " Their cards follow;")
            + (cards.isEmpty()
                ? " The others come here at their next change."
                : " the rest come here at their next change.");
    db.atomically(
        () -> {
          notifier.channelMessage(s.channel(), "backfill:" + s.id(), SlackPost.text(summary));
          cards.forEach(
              line -> notifier.cardIn(s.channel(), line.disputeId(), "backfill:" + s.id()));
          return null;
        });
    return "Backfill: "
        + matching
        + " open matching, "
        + cards.size()
        + (cards.size() == 1 ? " card" : " cards")
        + " posted here.";
  }
}

package io.disputedesk.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles outbox rows left SENDING by a crash or a lost answer: the Slack call may or may not have
 * happened. A post is looked up by its metadata key (found: recorded as sent; not found: sent
 * again); a card update is simply made again from the latest state.
 */
final class OutboxRecovery {
  private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);

  private final OutboxStore outbox;
  private final CardStore cards;
  private final SlackWire wire;
  private final Clock clock;

  OutboxRecovery(OutboxStore outbox, CardStore cards, SlackWire wire, Clock clock) {
    this.outbox = outbox;
    this.cards = cards;
    this.wire = wire;
    this.clock = clock;
  }

  /** Every SENDING row (at start-up, when no call of ours can still be in flight). */
  int recoverAll() {
    return recover(row -> true);
  }

  /** SENDING rows whose claim lease has run out. */
  int recoverExpired() {
    Instant now = clock.instant();
    return recover(row -> row.claimedUntil() == null || !row.claimedUntil().isAfter(now));
  }

  private int recover(Predicate<OutboxRow> which) {
    List<OutboxRow> rows = outbox.inState(OutboxRow.SENDING).stream().filter(which).toList();
    int settled = 0;
    for (OutboxRow row : rows) {
      try {
        settle(row);
        settled++;
      } catch (SlackException e) {
        log.warn("Could not yet check whether Slack {} {} went out ({}); will check again", row.kind(),
            row.dedupeKey(), e.error());
      }
    }
    return settled;
  }

  private void settle(OutboxRow row) {
    Instant now = clock.instant();
    switch (row.kind()) {
      case Notifier.CARD -> {
        if (cards.find(row.disputeId()).isEmpty()) {
          wire.findTopLevel(row.channel(), row.createdAt(), row.dedupeKey()).ifPresent(ts -> {
            cards.save(row.disputeId(), row.channel(), ts, null);
            log.info("Found the card of dispute {} posted before a restart (ts {})", row.disputeId(), ts);
          });
        }
        // Posted or not, the row runs again: it posts if needed, else updates to the latest state.
        outbox.retryLater(row.id(), now, "interrupted; redone");
      }
      case Notifier.THREAD -> {
        Optional<String> ts = cards.find(row.disputeId())
            .flatMap(card -> wire.findReply(card.channel(), card.ts(), row.dedupeKey()));
        finish(row, ts, now);
      }
      default -> finish(row, wire.findTopLevel(row.channel(), row.createdAt(), row.dedupeKey()), now);
    }
  }

  private void finish(OutboxRow row, Optional<String> ts, Instant now) {
    if (ts.isPresent()) {
      outbox.markSent(row.id(), ts.get(), now);
      log.info("Slack {} {} had gone out before a restart; recorded it", row.kind(), row.dedupeKey());
    } else {
      outbox.retryLater(row.id(), now, "interrupted; not found in Slack, sending again");
    }
  }
}

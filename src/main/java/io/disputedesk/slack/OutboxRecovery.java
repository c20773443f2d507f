package io.disputedesk.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles outbox rows left SENDING by a crash or a lost answer: the Slack call may or may not have
 * happened. A post is looked up by its metadata key, a shared file by its name (found: recorded as
 * sent; not found: sent again); a card update is simply made again from the latest state, and an
 * update of a reply in place is made again.
 */
final class OutboxRecovery {
  private static final Logger log = LoggerFactory.getLogger(OutboxRecovery.class);

  private final OutboxStore outbox;
  private final CardStore cards;
  private final SlackWire wire;
  private final Clock clock;
  private final ObjectMapper mapper;

  OutboxRecovery(
      OutboxStore outbox, CardStore cards, SlackWire wire, Clock clock, ObjectMapper mapper) {
    this.outbox = outbox;
    this.cards = cards;
    this.wire = wire;
    this.clock = clock;
    this.mapper = mapper;
  }

  /** Every SENDING row (at start-up, when no call of ours can still be in flight). */
  int recoverAll() {
    return recover(row -> true);
  }

  /**
   * SENDING rows whose claim lease has run out, each first taken over by {@code worker} so that of
   * several replicas looking at once only one settles it (and none touches a row sent again since).
   */
  int recoverExpired(String worker, Duration lease) {
    Instant now = clock.instant();
    return recover(
        row ->
            (row.claimedUntil() == null || !row.claimedUntil().isAfter(now))
                && outbox.takeOver(row.id(), worker, now, lease));
  }

  /**
   * Settles one SENDING row whose call got no answer; if its post is not found it runs again at
   * {@code retryAt}. Throws {@link SlackException} when Slack cannot be asked (the row stays
   * SENDING).
   */
  void settle(OutboxRow row, Instant retryAt) {
    switch (row.kind()) {
      case Notifier.CARD -> {
        if (cards.find(row.disputeId(), row.channel()).isEmpty()) {
          wire.findTopLevel(row.channel(), row.createdAt(), row.dedupeKey())
              .ifPresent(
                  ts -> {
                    cards.save(row.disputeId(), row.channel(), ts, null);
                    log.info(
                        "Found the card of dispute {} posted without an answer (ts {})",
                        row.disputeId(),
                        ts);
                  });
        }
        // Posted or not, the row runs again: it posts if needed, else updates to the latest state.
        outbox.retryLater(row.id(), retryAt, "interrupted; redone");
      }
      // An update in place is the same whether or not it went out: it is simply made again.
      case Notifier.EDIT -> outbox.retryLater(row.id(), retryAt, "interrupted; redone");
      case Notifier.THREAD -> {
        Optional<String> ts =
            cards
                .find(row.disputeId(), row.channel())
                .flatMap(card -> wire.findReply(card.channel(), card.ts(), row.dedupeKey()));
        finish(row, ts, retryAt);
      }
      case Notifier.FILE ->
          finish(
              row,
              wire.findFile(
                  row.channel(), row.createdAt(), FilePost.read(mapper, row.payload()).filename()),
              retryAt);
      default ->
          finish(row, wire.findTopLevel(row.channel(), row.createdAt(), row.dedupeKey()), retryAt);
    }
  }

  private int recover(Predicate<OutboxRow> which) {
    List<OutboxRow> rows = outbox.inState(OutboxRow.SENDING).stream().filter(which).toList();
    int settled = 0;
    for (OutboxRow row : rows) {
      try {
        settle(row, clock.instant());
        settled++;
      } catch (SlackException e) {
        log.warn(
            "Could not yet check whether Slack {} {} went out ({}); will check again",
            row.kind(),
            row.dedupeKey(),
            e.error());
      }
    }
    return settled;
  }

  private void finish(OutboxRow row, Optional<String> ts, Instant retryAt) {
    if (ts.isPresent()) {
      outbox.markSent(row.id(), ts.get(), clock.instant());
      log.info(
          "Slack {} {} had gone out without an answer; recorded it", row.kind(), row.dedupeKey());
    } else {
      outbox.retryLater(row.id(), retryAt, "interrupted; not found in Slack, sending again");
    }
  }
}

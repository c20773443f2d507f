package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Slack call for one outbox row already marked SENDING, and records the result. A CARD
 * row always shows the dispute's latest stored state, whatever state it was queued for.
 */
final class Delivery {
  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  private final Database db;
  private final OutboxStore outbox;
  private final CardStore cards;
  private final DisputeStore disputes;
  private final CardBuilder builder;
  private final SlackWire wire;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final BooleanSupplier abandoned;

  Delivery(Database db, OutboxStore outbox, CardStore cards, DisputeStore disputes, CardBuilder builder,
      SlackWire wire, ObjectMapper mapper, Clock clock, BooleanSupplier abandoned) {
    this.db = db;
    this.outbox = outbox;
    this.cards = cards;
    this.disputes = disputes;
    this.builder = builder;
    this.wire = wire;
    this.mapper = mapper;
    this.clock = clock;
    this.abandoned = abandoned;
  }

  /** Sends the row; throws {@link SlackException} when Slack refused, with nothing recorded. */
  void deliver(OutboxRow row) {
    switch (row.kind()) {
      case Notifier.CARD -> card(row);
      case Notifier.THREAD -> {
        Optional<Card> card = cards.find(row.disputeId()).or(() -> cardForReply(row));
        if (card.isEmpty()) {
          return;
        }
        String ts = wire.post(card.get().channel(), post(row), card.get().ts(), row.dedupeKey(), row.disputeId());
        record(() -> outbox.markSent(row.id(), ts, clock.instant()));
      }
      case Notifier.MESSAGE -> {
        String ts = wire.post(row.channel(), post(row), null, row.dedupeKey(), row.disputeId());
        record(() -> outbox.markSent(row.id(), ts, clock.instant()));
      }
      case Notifier.FILE -> {
        String fileId = wire.upload(row.channel(), FilePost.read(mapper, row.payload()));
        record(() -> outbox.markSent(row.id(), fileId, clock.instant()));
      }
      default -> {
        log.error("Outbox row {} has unknown kind {}; dropped", row.id(), row.kind());
        outbox.markFailed(row.id(), "unknown kind " + row.kind());
      }
    }
  }

  private void card(OutboxRow row) {
    Optional<StoredDispute> stored = disputes.find(row.disputeId());
    if (stored.isEmpty()) {
      log.error("Card for dispute {} cannot be drawn: the dispute is not stored", row.disputeId());
      outbox.markFailed(row.id(), "dispute not stored");
      return;
    }
    SlackPost post = builder.card(stored.get());
    Instant shows = stored.get().dispute().updateTime();
    Optional<Card> card = cards.find(row.disputeId());
    if (card.isEmpty()) {
      String ts = wire.post(row.channel(), post, null, row.dedupeKey(), row.disputeId());
      record(() -> {
        cards.save(row.disputeId(), row.channel(), ts, shows);
        outbox.markSent(row.id(), ts, clock.instant());
      });
      return;
    }
    Card existing = card.get();
    try {
      wire.update(existing.channel(), existing.ts(), post);
      record(() -> {
        if (shows != null) {
          cards.updateRendered(row.disputeId(), shows);
        }
        outbox.markSent(row.id(), existing.ts(), clock.instant());
      });
    } catch (SlackException e) {
      if (!e.isMessageNotFound()) {
        throw e;
      }
      // Someone deleted the card. A post for this very row may already exist if we were cut off.
      String ts = wire.findTopLevel(existing.channel(), row.createdAt(), row.dedupeKey())
          .orElseGet(() -> wire.post(existing.channel(), post, null, row.dedupeKey(), row.disputeId()));
      record(() -> {
        cards.replaceTs(row.disputeId(), ts);
        if (shows != null) {
          cards.updateRendered(row.disputeId(), shows);
        }
        outbox.markSent(row.id(), ts, clock.instant());
      });
      log.info("The card of dispute {} was deleted in Slack; posted it again", row.disputeId());
    }
  }

  /**
   * Posts the card a reply needs when the dispute has none (e.g. history imported without cards):
   * no earlier card row of the dispute is pending, or the outbox would not have handed out this one.
   */
  private Optional<Card> cardForReply(OutboxRow row) {
    Optional<StoredDispute> stored = disputes.find(row.disputeId());
    if (stored.isEmpty()) {
      log.error("Thread reply {} has no dispute {} to hang under", row.dedupeKey(), row.disputeId());
      outbox.markFailed(row.id(), "dispute not stored");
      return Optional.empty();
    }
    String key = "card:" + row.disputeId() + ":for-thread";
    String ts = wire.findTopLevel(row.channel(), row.createdAt(), key)
        .orElseGet(() -> wire.post(row.channel(), builder.card(stored.get()), null, key, row.disputeId()));
    Instant shows = stored.get().dispute().updateTime();
    record(() -> cards.save(row.disputeId(), row.channel(), ts, shows));
    return Optional.of(new Card(row.disputeId(), row.channel(), ts, shows, clock.instant()));
  }

  private SlackPost post(OutboxRow row) {
    try {
      return mapper.readValue(row.payload(), SlackPost.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SlackException("outbox", "unreadable_payload", null, null);
    }
  }

  /** Writes a result unless the sender was given up on at shutdown (then recovery at start decides). */
  private void record(Runnable write) {
    if (abandoned.getAsBoolean()) {
      log.info("Slack sender stopped mid-call; the message is checked at the next start");
      return;
    }
    db.atomically(() -> {
      write.run();
      return null;
    });
  }
}

package io.disputedesk.slack;

import static io.disputedesk.slack.DeliveryInputs.prepare;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Slack call for one outbox row already marked SENDING, and records the result. A CARD
 * row always shows the dispute's latest stored state, whatever state it was queued for, and the
 * routes as they are when it is sent: in a channel the dispute has left, its card says where it
 * went and loses its buttons; where it never had a card, nothing is posted. Everything that can
 * fail on our side (the dispute, its routes, the card's drawing, the payload) is done before the
 * first Slack call, so such a failure is known to have sent nothing.
 */
final class Delivery {
  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  private final Database db;
  private final OutboxStore outbox;
  private final CardStore cards;
  private final CardViews views;
  private final DeliveryInputs inputs;
  private final SlackWire wire;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Recorder recorder;

  /**
   * Waits for the channel's post pacing: a card update that has to post its card again is a post.
   */
  private final Consumer<String> beforeRepost;

  Delivery(
      Database db,
      OutboxStore outbox,
      CardStore cards,
      DisputeStore disputes,
      CardViews views,
      CardRouting routing,
      SlackWire wire,
      ObjectMapper mapper,
      Clock clock,
      Recorder recorder,
      Consumer<String> beforeRepost) {
    this.beforeRepost = beforeRepost;
    this.db = db;
    this.outbox = outbox;
    this.cards = cards;
    this.views = views;
    this.inputs = new DeliveryInputs(disputes, routing, mapper);
    this.wire = wire;
    this.mapper = mapper;
    this.clock = clock;
    this.recorder = recorder;
  }

  /**
   * Sends the row; throws {@link SlackException} when Slack refused, with nothing recorded, and
   * {@link UndeliverableException} when the row could not be made into a Slack call (nothing sent).
   */
  void deliver(OutboxRow row) {
    switch (row.kind()) {
      case Notifier.CARD -> card(row);
      case Notifier.THREAD -> {
        SlackPost reply = inputs.post(row);
        Optional<Card> existing =
            prepare("card lookup failed", () -> cards.find(row.disputeId(), row.channel()));
        if (existing.isEmpty() && !inputs.routedHere(row)) {
          // Routed away before it went out, and never had a card here: there is no thread to reply
          // in.
          record(() -> outbox.markSent(row.id(), null, clock.instant()));
          return;
        }
        Card card = existing.isPresent() ? existing.get() : cardForReply(row);
        String ts = wire.post(card.channel(), reply, card.ts(), row.dedupeKey(), row.disputeId());
        record(() -> outbox.markSent(row.id(), ts, clock.instant()));
      }
      case Notifier.EDIT -> edit(row);
      case Notifier.MESSAGE -> {
        SlackPost message = inputs.post(row);
        String ts = wire.post(row.channel(), message, null, row.dedupeKey(), row.disputeId());
        record(() -> outbox.markSent(row.id(), ts, clock.instant()));
      }
      case Notifier.FILE -> {
        String fileId = wire.upload(row.channel(), FilePost.read(mapper, row.payload()));
        record(() -> outbox.markSent(row.id(), fileId, clock.instant()));
      }
      default -> throw new UndeliverableException("unknown kind", null);
    }
  }

  /**
   * Updates the reply the row's target posted. A target not posted (given up, or with no thread to
   * reply in), no longer kept, or deleted in Slack leaves nothing to update.
   */
  private void edit(OutboxRow row) {
    ThreadEdit edit = inputs.threadEdit(row);
    String ts =
        prepare("outbox not readable", () -> outbox.find(edit.target()))
            .filter(t -> OutboxRow.SENT.equals(t.status()))
            .map(OutboxRow::sentTs)
            .orElse(null);
    if (ts != null) {
      try {
        wire.update(row.channel(), ts, edit.post());
      } catch (SlackException e) {
        if (!e.isMessageNotFound()) {
          throw e;
        }
        log.info("The reply {} was deleted in Slack; nothing to update", edit.target());
      }
    }
    record(() -> outbox.markSent(row.id(), ts, clock.instant()));
  }

  private void card(OutboxRow row) {
    StoredDispute stored = inputs.storedDispute(row);
    Optional<Card> card =
        prepare("card lookup failed", () -> cards.find(row.disputeId(), row.channel()));
    if (!inputs.routedHere(row)) {
      leave(row, stored, card);
      return;
    }
    if (card.isEmpty() && Notifier.REDRAW.equals(row.payload())) {
      // Only a redraw, and no card here to redraw: it posts none.
      record(() -> outbox.markSent(row.id(), null, clock.instant()));
      return;
    }
    SlackPost post = prepare("card not drawn", () -> views.card(stored));
    Instant shows = stored.dispute().updateTime();
    if (card.isEmpty()) {
      String ts = wire.post(row.channel(), post, null, row.dedupeKey(), row.disputeId());
      record(
          () -> {
            cards.save(row.disputeId(), row.channel(), ts, shows);
            outbox.markSent(row.id(), ts, clock.instant());
          });
      return;
    }
    Card existing = card.get();
    try {
      wire.update(existing.channel(), existing.ts(), post);
      record(
          () -> {
            rendered(existing, shows, true);
            outbox.markSent(row.id(), existing.ts(), clock.instant());
          });
    } catch (SlackException e) {
      if (!e.isMessageNotFound()) {
        throw e;
      }
      // Someone deleted the card. A post for this very row may already exist if we were cut off.
      String ts =
          wire.findTopLevel(existing.channel(), row.createdAt(), row.dedupeKey())
              .orElseGet(
                  () -> {
                    beforeRepost.accept(existing.channel());
                    return wire.post(
                        existing.channel(), post, null, row.dedupeKey(), row.disputeId());
                  });
      record(
          () -> {
            cards.replaceTs(row.disputeId(), existing.channel(), ts);
            rendered(existing, shows, true);
            outbox.markSent(row.id(), ts, clock.instant());
          });
      log.info(
          "The card of dispute {} in {} was deleted in Slack; posted it again",
          row.disputeId(),
          existing.channel());
    }
  }

  /**
   * The dispute is not routed to the row's channel (any more): a card still live there is updated
   * one last time to say where the dispute went, without buttons; otherwise nothing is posted.
   */
  private void leave(OutboxRow row, StoredDispute stored, Optional<Card> card) {
    if (card.isEmpty() || !card.get().routed()) {
      record(() -> outbox.markSent(row.id(), card.map(Card::ts).orElse(null), clock.instant()));
      return;
    }
    Card existing = card.get();
    List<String> nowIn = inputs.channelsFor(row);
    SlackPost moved = prepare("card not drawn", () -> views.moved(stored, nowIn));
    try {
      wire.update(existing.channel(), existing.ts(), moved);
    } catch (SlackException e) {
      if (!e.isMessageNotFound()) {
        throw e;
      }
      // Deleted in Slack: nothing to mark, and no reason to post it again in a channel it left.
      log.info(
          "The card of dispute {} in {} was deleted in Slack; it is no longer routed there",
          row.disputeId(),
          existing.channel());
    }
    record(
        () -> {
          cards.markRouted(row.disputeId(), existing.channel(), false);
          outbox.markSent(row.id(), existing.ts(), clock.instant());
        });
  }

  private void rendered(Card card, Instant shows, boolean routed) {
    if (shows == null || !cards.updateRendered(card.disputeId(), card.channel(), shows, routed)) {
      cards.markRouted(card.disputeId(), card.channel(), routed);
    }
  }

  /**
   * Posts the card a reply needs when the dispute has none (e.g. history imported without cards):
   * no earlier card row of the dispute is pending, or the outbox would not have handed out this
   * one.
   */
  private Card cardForReply(OutboxRow row) {
    StoredDispute stored = inputs.storedDispute(row);
    SlackPost cardPost = prepare("card not drawn", () -> views.card(stored));
    String key = "card:" + row.disputeId() + ":for-thread";
    String ts =
        wire.findTopLevel(row.channel(), row.createdAt(), key)
            .orElseGet(() -> wire.post(row.channel(), cardPost, null, key, row.disputeId()));
    Instant shows = stored.dispute().updateTime();
    record(() -> cards.save(row.disputeId(), row.channel(), ts, shows));
    return new Card(row.disputeId(), row.channel(), ts, shows, clock.instant());
  }

  /**
   * Writes a result unless the sender was given up on at shutdown (then recovery at start decides).
   */
  private void record(Runnable write) {
    boolean recorded =
        recorder.unlessAbandoned(
            () ->
                db.atomically(
                    () -> {
                      write.run();
                      return null;
                    }));
    if (!recorded) {
      log.info("Slack sender stopped mid-call; the message is checked at the next start");
    }
  }

  /** Runs a write of a send's result unless the sender was given up on at shutdown (then false). */
  @FunctionalInterface
  interface Recorder {
    boolean unlessAbandoned(Runnable write);
  }
}

package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.EvidenceSource;
import io.disputedesk.paypal.Party;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The events between the stored read of a dispute and a newer one. */
public final class DisputeDiff {
  private DisputeDiff() {}

  /**
   * What changed from {@code before} (absent: never seen) to {@code after}. When {@code before} is
   * a list summary (no messages, offer, evidence or action links), only messages, offers and
   * evidence requests dated after its update time count as new, so that history is not replayed.
   */
  public static List<DisputeEvent> between(Optional<Dispute> before, Dispute after) {
    Objects.requireNonNull(after, "after");
    if (before.isEmpty()) {
      return List.of(new DisputeEvent.New());
    }
    Dispute b = before.get();
    boolean summary = isSummary(b);
    List<DisputeEvent> events = new ArrayList<>();
    if (after.isResolved() && !b.isResolved()) {
      Dispute.DisputeOutcome outcome = after.disputeOutcome();
      events.add(
          new DisputeEvent.Resolved(
              outcome == null ? null : outcome.outcomeCode(),
              outcome == null ? null : outcome.amountRefunded()));
    } else if (after.status() != null && after.status() != b.status()) {
      events.add(new DisputeEvent.StatusChanged(b.status(), after.status()));
    }
    if (after.disputeLifeCycleStage() != null
        && b.disputeLifeCycleStage() != null
        && after.disputeLifeCycleStage() != b.disputeLifeCycleStage()) {
      events.add(
          new DisputeEvent.StageChanged(b.disputeLifeCycleStage(), after.disputeLifeCycleStage()));
    }
    buyerMessages(b, after, summary).forEach(events::add);
    offers(b, after, summary).forEach(events::add);
    List<String> requested = newEvidenceRequests(b, after, summary);
    if (!requested.isEmpty()) {
      events.add(new DisputeEvent.EvidenceRequested(requested));
    }
    Instant due = after.sellerResponseDueDate();
    if (!after.isResolved() && due != null && !sameSecond(due, b.sellerResponseDueDate())) {
      events.add(new DisputeEvent.DueDateChanged(b.sellerResponseDueDate(), due));
    }
    return events;
  }

  /** A list item: PayPal's list carries no messages, offer, evidence, options or action links. */
  static boolean isSummary(Dispute d) {
    return d.messages().isEmpty()
        && d.offer() == null
        && d.evidences().isEmpty()
        && d.allowedResponseOptions() == null
        && d.links().stream().allMatch(l -> l.rel() == null || "self".equals(l.rel()));
  }

  /**
   * Whether {@code t} is later than the summary; by whole seconds, as list times may drop the
   * milliseconds.
   */
  private static boolean isAfter(Instant t, Dispute summary) {
    return t != null
        && summary.updateTime() != null
        && t.truncatedTo(ChronoUnit.SECONDS)
            .isAfter(summary.updateTime().truncatedTo(ChronoUnit.SECONDS));
  }

  private static boolean sameSecond(Instant a, Instant b) {
    return b != null && a.truncatedTo(ChronoUnit.SECONDS).equals(b.truncatedTo(ChronoUnit.SECONDS));
  }

  private record MessageKey(Party by, Instant at, String content) {}

  private static List<DisputeEvent> buyerMessages(Dispute b, Dispute a, boolean summary) {
    Set<MessageKey> known = new HashSet<>();
    b.messages().forEach(m -> known.add(new MessageKey(m.postedBy(), m.timePosted(), m.content())));
    List<DisputeEvent> events = new ArrayList<>();
    a.messages().stream()
        .filter(m -> m.postedBy() == Party.BUYER)
        .filter(m -> !known.contains(new MessageKey(m.postedBy(), m.timePosted(), m.content())))
        .filter(m -> !summary || isAfter(m.timePosted(), b))
        .sorted(
            Comparator.comparing(
                Dispute.Message::timePosted, Comparator.nullsFirst(Comparator.naturalOrder())))
        .forEach(m -> events.add(new DisputeEvent.BuyerMessage(m.content(), m.timePosted())));
    return events;
  }

  private static List<DisputeEvent> offers(Dispute b, Dispute a, boolean summary) {
    if (a.offer() == null) {
      return List.of();
    }
    Set<Dispute.OfferHistory> known =
        b.offer() == null ? Set.of() : new HashSet<>(b.offer().history());
    List<DisputeEvent> events = new ArrayList<>();
    for (Dispute.OfferHistory h : a.offer().history()) {
      if (!known.contains(h) && (!summary || isAfter(h.offerTime(), b))) {
        events.add(
            new DisputeEvent.OfferEvent(h.eventType(), h.offerType(), h.offerAmount(), h.actor()));
      }
    }
    return events;
  }

  private static List<String> newEvidenceRequests(Dispute b, Dispute a, boolean summary) {
    List<String> before = b.evidenceRequestedFromSeller();
    List<String> types = new ArrayList<>();
    for (Dispute.Evidence e : a.evidences()) {
      if (e.source() == EvidenceSource.REQUESTED_FROM_SELLER
          && e.evidenceType() != null
          && !before.contains(e.evidenceType())
          && !types.contains(e.evidenceType())
          && (!summary || isAfter(e.date(), b))) {
        types.add(e.evidenceType());
      }
    }
    return types;
  }
}

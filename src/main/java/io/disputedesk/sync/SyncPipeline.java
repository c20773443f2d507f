package io.disputedesk.sync;

import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.UpsertResult;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.store.Database;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores one account's reads, queues their Slack writes and tells the change listener. */
final class SyncPipeline {
  private static final Logger log = LoggerFactory.getLogger(SyncPipeline.class);

  private final String account;
  private final Database db;
  private final DisputeStore disputes;
  private final DisputeNotices notifier;
  private final ChangeListener changes;
  private final SetAsideStore setAside;

  SyncPipeline(
      String account,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      ChangeListener changes,
      SetAsideStore setAside) {
    this.account = account;
    this.db = db;
    this.disputes = disputes;
    this.notifier = notifier;
    this.changes = changes;
    this.setAside = setAside;
  }

  /**
   * The outcome of applying a read: {@code changed} when it was stored as a new dispute or a new
   * update time; {@code cardQueued} is false when its card refresh was already queued.
   */
  record Applied(boolean changed, List<DisputeEvent> events, boolean cardQueued) {}

  /**
   * Stores a read and queues its Slack writes; a dispute set aside earlier leaves the list. With
   * {@code recorded} the listener records the read's events in the same transaction (not for a
   * first run's history, whose events no one is told).
   */
  Applied applyChange(Dispute d, boolean recorded) {
    return db.atomically(
        () -> {
          setAside.clear(d.disputeId());
          UpsertResult r = disputes.upsert(account, d);
          if (!r.stored()) {
            return new Applied(false, List.of(), false);
          }
          boolean changed =
              r.previous().map(p -> !Objects.equals(p.updateTime(), d.updateTime())).orElse(true);
          List<DisputeEvent> events = DisputeDiff.between(r.previous(), d);
          String update = updateKey(d);
          boolean queued = notifier.refreshCard(d.disputeId(), "u" + update);
          Map<String, Integer> seen = new HashMap<>();
          for (DisputeEvent event : events) {
            int n = seen.merge(event.kind(), 1, Integer::sum) - 1;
            String key = update + ":" + event.kind() + (n == 0 ? "" : ":" + n);
            notifier.event(d.disputeId(), key, event, d.updateTime());
          }
          if (recorded && !events.isEmpty()) {
            changes.recording(d.disputeId(), d.updateTime(), events);
          }
          return new Applied(changed, events, queued);
        });
  }

  /**
   * Tells the listener a stored read's events (after its commit); its failure is logged and changes
   * nothing here.
   */
  void tellEvents(Dispute d, List<DisputeEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    try {
      changes.events(d.disputeId(), d.updateTime(), events);
    } catch (RuntimeException e) {
      log.warn("Change listener failed for the events of {}", d.disputeId(), e);
    }
  }

  /** Tells the listener what changed; its failure is logged and changes nothing here. */
  void tell(Set<String> disputeIds) {
    if (disputeIds.isEmpty()) {
      return;
    }
    try {
      changes.changed(Set.copyOf(disputeIds));
    } catch (RuntimeException e) {
      log.warn("Change listener failed for {} disputes", disputeIds.size(), e);
    }
  }

  /** Stores a dispute without telling Slack (a first run's history). */
  void storeSilently(List<Dispute> batch) {
    if (!batch.isEmpty()) {
      db.atomically(
          () -> {
            batch.forEach(d -> disputes.upsert(account, d));
            return null;
          });
    }
  }

  /**
   * Queues the first run's summary and then a card for each dispute that needs us. With routes the
   * summary goes to each channel those cards go to, saying how many follow there (to the default
   * channel when none does).
   */
  void announceImport(int imported, Map<String, Instant> needResponse) {
    db.atomically(
        () -> {
          Map<String, Integer> perChannel = new LinkedHashMap<>();
          needResponse
              .keySet()
              .forEach(
                  id ->
                      notifier
                          .channelsFor(id)
                          .forEach(ch -> perChannel.merge(ch, 1, Integer::sum)));
          if (perChannel.isEmpty()) {
            perChannel.put(notifier.channel(), 0);
          }
          String key = account.equals("default") ? "import-summary" : "import-summary:" + account;
          perChannel.forEach(
              (ch, cards) ->
                  notifier.importSummary(
                      ch,
                      key + (ch.equals(notifier.channel()) ? "" : "@" + ch),
                      imported,
                      cards,
                      account));
          needResponse.forEach((id, update) -> notifier.refreshCard(id, "u" + updateKey(update)));
          return null;
        });
  }

  Map<String, Instant> storedUpdateTimes(List<String> ids) {
    return disputes.updateTimes(ids);
  }

  static String updateKey(Dispute d) {
    return updateKey(d.updateTime());
  }

  private static String updateKey(Instant updateTime) {
    return updateTime == null ? "none" : Long.toString(updateTime.toEpochMilli());
  }
}

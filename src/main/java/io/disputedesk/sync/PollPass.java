package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeState;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.PayPalClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One poll's work on the pages PayPal lists: skips what was already seen in this poll or is stored
 * as new, reads details of what changed, and stores it. A first run stores history silently (and
 * leaves it out of {@code changedIds}: no one owns a dispute not seen before). A dispute whose
 * details cannot be read or stored is set aside ({@link SetAsidePass}) and the poll goes on.
 */
final class PollPass {
  private final SyncPipeline pipeline;
  private final PayPalClient paypal;
  private final boolean firstRun;
  private final SetAsidePass aside;

  /** Ids of the disputes this poll found changed, for the sync's change listener. */
  private final Set<String> changedIds;

  /** (dispute id, update time) pairs already handled in this poll. */
  private final Set<String> seen = new HashSet<>();

  private final Set<String> listedIds = new HashSet<>();

  /** First run: disputes that need the seller, with the update time their card shows. */
  private final Map<String, Instant> needResponse = new LinkedHashMap<>();

  private int changed;
  private int detailsRead;
  private Instant newest;

  PollPass(
      SyncPipeline pipeline,
      PayPalClient paypal,
      boolean firstRun,
      Set<String> changedIds,
      SetAsidePass aside) {
    this.pipeline = pipeline;
    this.paypal = paypal;
    this.firstRun = firstRun;
    this.changedIds = changedIds;
    this.aside = aside;
  }

  void page(List<Dispute> items) {
    List<Dispute> fresh = new ArrayList<>();
    for (Dispute d : items) {
      if (d != null
          && d.disputeId() != null
          && seen.add(d.disputeId() + "@" + SyncPipeline.updateKey(d))) {
        fresh.add(d);
        listedIds.add(d.disputeId());
        track(d);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Map<String, Instant> stored =
        pipeline.storedUpdateTimes(fresh.stream().map(Dispute::disputeId).toList());
    List<Dispute> newer =
        fresh.stream().filter(d -> isNewer(d, stored.get(d.disputeId()))).toList();
    changed += newer.size();
    if (firstRun) {
      importPage(fresh, newer);
    } else {
      for (Dispute d : newer) {
        if (!aside.isWaiting(d.disputeId())) {
          read(d.disputeId()).ifPresent(this::apply);
        }
      }
    }
  }

  /** Tries again the set-aside disputes whose backoff is over and that this poll has not read. */
  void retrySetAside() {
    for (String id : aside.dueNotTried()) {
      read(id).ifPresent(this::apply);
    }
  }

  private void apply(Dispute full) {
    Optional<SyncPipeline.Applied> applied =
        aside.guard(full.disputeId(), () -> pipeline.applyChange(full, !firstRun));
    if (applied.isPresent() && applied.get().changed() && !firstRun) {
      changedIds.add(full.disputeId());
    }
    if (applied.isPresent() && !firstRun) {
      pipeline.tellEvents(full, applied.get().events());
    }
  }

  /**
   * History goes in from the list summary; only disputes that need us get a details read and a
   * card.
   */
  private void importPage(List<Dispute> fresh, List<Dispute> newer) {
    for (Dispute d : fresh) {
      if (needsSeller(d) && !aside.isWaiting(d.disputeId())) {
        needResponse.put(d.disputeId(), d.updateTime());
      }
    }
    List<Dispute> batch = new ArrayList<>(newer.size());
    for (Dispute d : newer) {
      if (aside.isWaiting(d.disputeId())) {
        continue;
      }
      if (!needsSeller(d)) {
        batch.add(d);
        continue;
      }
      Optional<Dispute> full = read(d.disputeId());
      if (full.isEmpty()) {
        // Set aside: stored (and announced with a card) once a later try reads it.
        needResponse.remove(d.disputeId());
      } else if (needsSeller(full.get())) {
        batch.add(full.get());
        needResponse.put(d.disputeId(), full.get().updateTime());
      } else {
        batch.add(full.get());
        needResponse.remove(d.disputeId());
      }
    }
    List<Dispute> refused = aside.storeSilently(batch, pipeline::storeSilently);
    refused.forEach(d -> needResponse.remove(d.disputeId()));
  }

  void finish() {
    if (firstRun) {
      pipeline.announceImport(listedIds.size(), needResponse);
    }
  }

  /** The dispute's details, or empty when they could not be had and the dispute was set aside. */
  private Optional<Dispute> read(String disputeId) {
    Optional<Dispute> full = aside.read(disputeId, () -> paypal.getDispute(disputeId));
    if (full.isPresent()) {
      detailsRead++;
      track(full.get());
    }
    return full;
  }

  private void track(Dispute d) {
    Instant t = d.updateTime();
    if (t != null && (newest == null || t.isAfter(newest))) {
      newest = t;
    }
  }

  static boolean needsSeller(Dispute d) {
    return d.status() == DisputeStatus.WAITING_FOR_SELLER_RESPONSE
        || d.disputeState() == DisputeState.REQUIRED_ACTION;
  }

  private static boolean isNewer(Dispute d, Instant stored) {
    return stored == null || (d.updateTime() != null && d.updateTime().isAfter(stored));
  }

  boolean firstRun() {
    return firstRun;
  }

  int listed() {
    return listedIds.size();
  }

  int changed() {
    return changed;
  }

  int detailsRead() {
    return detailsRead;
  }

  int setAside() {
    return aside.failures();
  }

  Instant newest() {
    return newest;
  }
}

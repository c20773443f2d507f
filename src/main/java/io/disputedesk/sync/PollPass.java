package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeState;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.PayPalException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll's work on the pages PayPal lists: skips what was already seen in this poll or is stored
 * as new, reads details of what changed, and stores it. A first run stores history silently (and
 * leaves it out of {@code changedIds}: no one owns a dispute not seen before).
 */
final class PollPass {
  private static final Logger log = LoggerFactory.getLogger(PollPass.class);

  private final DisputeSync sync;
  private final boolean firstRun;
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

  PollPass(DisputeSync sync, boolean firstRun, Set<String> changedIds) {
    this.sync = sync;
    this.firstRun = firstRun;
    this.changedIds = changedIds;
  }

  void page(List<Dispute> items) {
    List<Dispute> fresh = new ArrayList<>();
    for (Dispute d : items) {
      if (d != null && d.disputeId() != null && seen.add(d.disputeId() + "@" + DisputeSync.updateKey(d))) {
        fresh.add(d);
        listedIds.add(d.disputeId());
        track(d);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    Map<String, Instant> stored = sync.storedUpdateTimes(fresh.stream().map(Dispute::disputeId).toList());
    List<Dispute> newer = fresh.stream().filter(d -> isNewer(d, stored.get(d.disputeId()))).toList();
    changed += newer.size();
    if (firstRun) {
      importPage(fresh, newer);
    } else {
      for (Dispute d : newer) {
        Optional<Dispute> full = read(d);
        if (full.isPresent() && sync.applyChange(full.get()).changed()) {
          changedIds.add(d.disputeId());
        }
      }
    }
  }

  /** History goes in from the list summary; only disputes that need us get a details read and a card. */
  private void importPage(List<Dispute> fresh, List<Dispute> newer) {
    for (Dispute d : fresh) {
      if (needsSeller(d)) {
        needResponse.put(d.disputeId(), d.updateTime());
      }
    }
    List<Dispute> batch = new ArrayList<>(newer.size());
    for (Dispute d : newer) {
      Optional<Dispute> full = needsSeller(d) ? read(d) : Optional.empty();
      if (full.isEmpty()) {
        batch.add(d);
      } else if (needsSeller(full.get())) {
        batch.add(full.get());
        needResponse.put(d.disputeId(), full.get().updateTime());
      } else {
        batch.add(full.get());
        needResponse.remove(d.disputeId());
      }
    }
    sync.storeSilently(batch);
  }

  void finish() {
    if (firstRun) {
      sync.announceImport(listedIds.size(), needResponse);
    }
  }

  /**
   * The dispute's details; empty when PayPal says the dispute is not there (it is then left out,
   * so that one odd dispute cannot stop every poll). Any other failure fails the poll.
   */
  private Optional<Dispute> read(Dispute summary) {
    Dispute full;
    try {
      full = sync.details(summary.disputeId());
    } catch (PayPalException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
      log.warn("PayPal listed dispute {} but has no details for it (debug_id {}); left out of this poll",
          summary.disputeId(), e.debugId());
      return Optional.empty();
    }
    detailsRead++;
    track(full);
    return Optional.of(full);
  }

  private void track(Dispute d) {
    Instant t = d.updateTime();
    if (t != null && (newest == null || t.isAfter(newest))) {
      newest = t;
    }
  }

  static boolean needsSeller(Dispute d) {
    return d.status() == DisputeStatus.WAITING_FOR_SELLER_RESPONSE || d.disputeState() == DisputeState.REQUIRED_ACTION;
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

  Instant newest() {
    return newest;
  }
}

package io.disputedesk.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * All simulated disputes, indexed by id and by update time so that an incremental list call reads
 * only the disputes in its window. One lock guards every dispute; callers work inside it.
 */
final class SimDisputes {
  private record UpdateKey(Instant updateTime, String id) implements Comparable<UpdateKey> {
    @Override
    public int compareTo(UpdateKey o) {
      int c = updateTime.compareTo(o.updateTime);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private final Clock clock;
  private final Map<String, SimDispute> byId = new HashMap<>();
  private final Map<String, SimDispute> byTransaction = new HashMap<>();
  private final TreeMap<UpdateKey, SimDispute> byUpdate = new TreeMap<>();

  SimDisputes(Clock clock) {
    this.clock = clock;
  }

  synchronized boolean contains(String id) {
    return byId.containsKey(id);
  }

  synchronized void add(SimDispute d) {
    if (byId.putIfAbsent(d.id, d) != null) {
      throw new SimulatorException("dispute " + d.id + " already exists");
    }
    byUpdate.put(key(d), d);
    byTransaction.putIfAbsent(d.sellerTransactionId, d);
  }

  synchronized int size() {
    return byId.size();
  }

  synchronized List<String> ids() {
    return new ArrayList<>(byId.keySet());
  }

  synchronized <T> Optional<T> read(String id, Function<SimDispute, T> fn) {
    SimDispute d = byId.get(id);
    return d == null ? Optional.empty() : Optional.ofNullable(fn.apply(d));
  }

  /**
   * Changes a dispute and bumps its update_time to now (at least 1 ms past the old value, so a
   * poller always sees the change even when a test's clock stands still). When {@code change}
   * throws, nothing is bumped. Returns false for an unknown id.
   */
  synchronized boolean update(String id, Consumer<SimDispute> change) {
    SimDispute d = byId.get(id);
    if (d == null) {
      return false;
    }
    byUpdate.remove(key(d));
    try {
      change.accept(d);
      Instant now = SimTime.millis(clock.instant());
      Instant next = d.updateTime.plusMillis(1);
      d.updateTime = now.isAfter(next) ? now : next;
    } finally {
      byUpdate.put(key(d), d);
    }
    return true;
  }

  /**
   * Runs {@code query} under the lock over the disputes updated in [after, before], oldest update
   * first.
   */
  synchronized <T> T updatedBetween(
      Instant after, Instant before, Function<Stream<SimDispute>, T> query) {
    if (after.isAfter(before)) {
      return query.apply(Stream.empty());
    }
    UpdateKey from = new UpdateKey(after, "");
    if (before.equals(Instant.MAX)) {
      return query.apply(byUpdate.tailMap(from, true).values().stream());
    }
    UpdateKey to = new UpdateKey(before.plusNanos(1), "");
    return query.apply(byUpdate.subMap(from, true, to, false).values().stream());
  }

  /**
   * Runs {@code fn} under the lock on the dispute whose seller transaction this is, without
   * touching its update_time (orders and shipments are not the dispute). Empty for an unknown id.
   */
  synchronized <T> Optional<T> byTransaction(String transactionId, Function<SimDispute, T> fn) {
    SimDispute d = transactionId == null ? null : byTransaction.get(transactionId);
    return d == null ? Optional.empty() : Optional.ofNullable(fn.apply(d));
  }

  /** Runs {@code query} under the lock over every dispute. */
  /** Ids of the disputes matching a condition on their own state, in order. */
  List<String> idsWhere(Predicate<SimDispute> filter) {
    return all(s -> s.filter(filter).map(d -> d.id).sorted().toList());
  }

  synchronized <T> T all(Function<Stream<SimDispute>, T> query) {
    return query.apply(byUpdate.values().stream());
  }

  private static UpdateKey key(SimDispute d) {
    return new UpdateKey(d.updateTime, d.id);
  }
}

package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll's dealings with the set-aside list: which disputes still wait out their backoff, reading
 * and storing one dispute with set-aside on failure, and which are due for another try. Several
 * failures in a row stop the poll (PayPal is more likely down than the disputes bad); those set
 * aside stay set aside, so the next poll gets past them.
 */
final class SetAsidePass {
  static final int MAX_FAILURES_IN_A_ROW = 5;
  static final int RETRIES_PER_POLL = 25;
  private static final Logger log = LoggerFactory.getLogger(SetAsidePass.class);

  private final SetAsideStore store;
  private final Instant now;
  private final Map<String, SetAside> atStart;
  private final Set<String> tried = new HashSet<>();
  private int failures;
  private int inARow;

  private SetAsidePass(SetAsideStore store, Instant now, Map<String, SetAside> atStart) {
    this.store = store;
    this.now = now;
    this.atStart = atStart;
  }

  static SetAsidePass start(SetAsideStore store, Instant now) {
    return new SetAsidePass(
        store,
        now,
        store.list(Integer.MAX_VALUE).stream()
            .collect(Collectors.toMap(SetAside::disputeId, s -> s)));
  }

  /** Set aside and its backoff not over: not read in this poll. */
  boolean isWaiting(String disputeId) {
    SetAside s = atStart.get(disputeId);
    return s != null && s.nextTryAt().isAfter(now);
  }

  /**
   * The details {@code read} returns, or empty when they failed or are unusable (then set aside).
   */
  Optional<Dispute> read(String disputeId, Supplier<Dispute> read) {
    tried.add(disputeId);
    try {
      Dispute full = read.get();
      Optional<String> problem = DetailsFailure.problem(full, disputeId);
      if (problem.isPresent()) {
        failed(disputeId, problem.get(), null);
        return Optional.empty();
      }
      return Optional.of(full);
    } catch (PayPalException e) {
      if (DetailsFailure.stopsThePoll(e)) {
        throw e;
      }
      failed(disputeId, DetailsFailure.errorClass(e), e.debugId());
      return Optional.empty();
    }
  }

  /**
   * Runs {@code work} storing one dispute; a failure of that dispute (not of the database) sets it
   * aside.
   */
  <T> Optional<T> guard(String disputeId, Supplier<T> work) {
    try {
      T result = work.get();
      inARow = 0;
      return Optional.of(result);
    } catch (StoreException | SyncException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("Storing dispute {} failed inside the bot", disputeId, e);
      failed(disputeId, DetailsFailure.errorClass(e), null);
      return Optional.empty();
    }
  }

  /**
   * Stores a first run's batch in one go; when that fails for a reason other than the database, one
   * by one, setting aside those that fail. Returns the disputes set aside.
   */
  List<Dispute> storeSilently(List<Dispute> batch, Consumer<List<Dispute>> storeAll) {
    if (batch.isEmpty()) {
      return List.of();
    }
    List<Dispute> refused = new ArrayList<>();
    Optional<Boolean> together =
        guardQuietly(
            () -> {
              storeAll.accept(batch);
              return true;
            });
    if (together.isEmpty()) {
      for (Dispute d : batch) {
        if (guard(
                d.disputeId(),
                () -> {
                  storeAll.accept(List.of(d));
                  return true;
                })
            .isEmpty()) {
          refused.add(d);
        }
      }
    }
    Set<String> refusedIds = refused.stream().map(Dispute::disputeId).collect(Collectors.toSet());
    batch.stream()
        .map(Dispute::disputeId)
        .filter(id -> atStart.containsKey(id) && !refusedIds.contains(id))
        .forEach(store::clear);
    return refused;
  }

  private <T> Optional<T> guardQuietly(Supplier<T> work) {
    try {
      return Optional.of(work.get());
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Set-aside disputes due for another try that this poll has not read yet, a bounded number. */
  List<String> dueNotTried() {
    return store.due(now, RETRIES_PER_POLL + tried.size()).stream()
        .map(SetAside::disputeId)
        .filter(id -> !tried.contains(id))
        .limit(RETRIES_PER_POLL)
        .toList();
  }

  /** Disputes this poll could not read or store. */
  int failures() {
    return failures;
  }

  private void failed(String disputeId, String errorClass, String debugId) {
    SetAside s = store.failed(disputeId, errorClass, now);
    failures++;
    inARow++;
    log.warn(
        "Dispute {} set aside ({}, try {}{}); the poll goes on, next try after {}",
        disputeId,
        errorClass,
        s.attempts(),
        debugId == null ? "" : ", PayPal debug_id " + debugId,
        s.nextTryAt());
    if (inARow >= MAX_FAILURES_IN_A_ROW) {
      throw new SyncException(
          inARow
              + " disputes in a row could not be read or stored (last: "
              + errorClass
              + "); they are set aside and the next poll goes on past them");
    }
  }
}

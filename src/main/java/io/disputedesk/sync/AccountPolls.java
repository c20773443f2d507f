package io.disputedesk.sync;

import io.disputedesk.concurrent.Pools;
import io.disputedesk.dispute.DisputeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The polls of every PayPal account, each on its own cursor and at the same time as the others, so
 * an account that is down, slow or refused (a revoked permission) never stops or holds up the rest;
 * and single-dispute refreshes, each with the client of the dispute's own account.
 */
public final class AccountPolls implements Supplier<PollResult>, DisputeRefresher, AutoCloseable {
  private final Map<String, DisputeSync> syncs = new LinkedHashMap<>();
  private final DisputeStore disputes;
  private final SyncState state;
  private final BiConsumer<String, PollResult> observer;
  private final ExecutorService pool;

  /** {@code observer} hears each account's result (for per-account metrics). */
  public AccountPolls(
      List<DisputeSync> syncs,
      DisputeStore disputes,
      SyncState state,
      BiConsumer<String, PollResult> observer) {
    if (syncs.isEmpty()) {
      throw new IllegalArgumentException("at least one account is polled");
    }
    syncs.forEach(s -> this.syncs.put(s.account(), s));
    this.disputes = Objects.requireNonNull(disputes, "disputes");
    this.state = Objects.requireNonNull(state, "state");
    this.observer = Objects.requireNonNull(observer, "observer");
    AtomicInteger n = new AtomicInteger();
    this.pool =
        syncs.size() == 1
            ? null
            : Executors.newFixedThreadPool(
                syncs.size(),
                r -> {
                  Thread t = new Thread(r, "dd-poll-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Polls every account (one result when there is one account; all of them combined otherwise). */
  @Override
  public PollResult get() {
    PollResult result = pollAll();
    recordBotHealth();
    return result;
  }

  private PollResult pollAll() {
    if (pool == null) {
      DisputeSync only = syncs.values().iterator().next();
      return observed(only);
    }
    List<CompletableFuture<PollResult>> running = new ArrayList<>();
    for (DisputeSync sync : syncs.values()) {
      running.add(CompletableFuture.supplyAsync(() -> observed(sync), pool));
    }
    List<PollResult> results = running.stream().map(CompletableFuture::join).toList();
    return combine(new ArrayList<>(syncs.keySet()), results);
  }

  /** Polls one account now. */
  public PollResult poll(String account) {
    DisputeSync sync = syncs.get(account);
    if (sync == null) {
      throw new IllegalArgumentException("no account " + account);
    }
    PollResult result = observed(sync);
    recordBotHealth();
    return result;
  }

  /**
   * Unless the only account keeps them itself, writes the bot's poll health (what the Home tab
   * shows): the oldest of the accounts' last successes, and the failing accounts' errors.
   */
  private void recordBotHealth() {
    if (syncs.size() == 1 && syncs.values().iterator().next().keys().isBots()) {
      return;
    }
    try {
      PollKeys bot = PollKeys.bot();
      lastSuccessOfAll().ifPresent(t -> state.put(bot.lastSuccess(), t));
      Optional<String> errors = lastErrors();
      if (errors.isPresent()) {
        state.put(bot.lastError(), errors.get());
        state.put(
            bot.lastErrorAt(),
            status().stream()
                .flatMap(s -> s.lastErrorAt().stream())
                .max(Instant::compareTo)
                .orElseThrow());
      }
    } catch (RuntimeException e) {
      // Only the Home tab's health line depends on it; the accounts' own state is written.
      org.slf4j.LoggerFactory.getLogger(AccountPolls.class)
          .warn("Could not record the poll health", e);
    }
  }

  private PollResult observed(DisputeSync sync) {
    PollResult r = sync.poll();
    observer.accept(sync.account(), r);
    return r;
  }

  /**
   * Refreshes the dispute with its own account's client (the first account's for a dispute not
   * stored yet).
   */
  @Override
  public void refresh(String disputeId) {
    refresh(disputeId, null);
  }

  /**
   * Refreshes the dispute; {@code likelyAccount} (nullable) reads a dispute not stored yet (a
   * webhook's account).
   */
  public void refresh(String disputeId, String likelyAccount) {
    String account =
        disputes
            .accountOf(disputeId)
            .orElse(
                likelyAccount != null && syncs.containsKey(likelyAccount)
                    ? likelyAccount
                    : first());
    DisputeSync sync = syncs.get(account);
    if (sync == null) {
      throw new io.disputedesk.paypal.PayPalException(
          "account",
          "dispute "
              + disputeId
              + " belongs to PayPal account \""
              + account
              + "\", which is not configured",
          null);
    }
    sync.refresh(disputeId);
  }

  /** Each account's polling health, in the configured order. */
  public List<AccountStatus> status() {
    List<AccountStatus> out = new ArrayList<>();
    for (DisputeSync sync : syncs.values()) {
      PollKeys keys = sync.keys();
      Optional<Instant> ok = state.instant(keys.lastSuccess());
      Optional<Instant> errorAt = state.instant(keys.lastErrorAt());
      boolean failing = errorAt.isPresent() && (ok.isEmpty() || !ok.get().isAfter(errorAt.get()));
      out.add(
          new AccountStatus(
              sync.account(),
              ok,
              failing ? state.string(keys.lastError()) : Optional.empty(),
              failing ? errorAt : Optional.empty()));
    }
    return out;
  }

  /**
   * The oldest of the accounts' last successful polls: empty while any account has never polled.
   */
  public Optional<Instant> lastSuccessOfAll() {
    Instant oldest = null;
    for (AccountStatus s : status()) {
      if (s.lastSuccess().isEmpty()) {
        return Optional.empty();
      }
      oldest =
          oldest == null || s.lastSuccess().get().isBefore(oldest) ? s.lastSuccess().get() : oldest;
    }
    return Optional.ofNullable(oldest);
  }

  /**
   * The errors of the accounts whose last poll failed, each named by its account when there are
   * several.
   */
  public Optional<String> lastErrors() {
    List<AccountStatus> failing = status().stream().filter(s -> !s.ok()).toList();
    if (failing.isEmpty()) {
      return Optional.empty();
    }
    if (syncs.size() == 1) {
      return failing.get(0).lastError();
    }
    return Optional.of(
        failing.stream()
            .map(s -> s.account() + ": " + s.lastError().orElse("unknown error"))
            .collect(Collectors.joining("; ")));
  }

  /** True once any account has polled successfully (the digest waits for data). */
  public boolean polledOnce() {
    return status().stream().anyMatch(s -> s.lastSuccess().isPresent());
  }

  /** The sync of one account (the first one's for null). */
  public DisputeSync sync(String account) {
    return syncs.get(account == null ? first() : account);
  }

  public List<String> accounts() {
    return List.copyOf(syncs.keySet());
  }

  private String first() {
    return syncs.keySet().iterator().next();
  }

  static PollResult combine(List<String> accounts, List<PollResult> results) {
    boolean ok = results.stream().allMatch(PollResult::ok);
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).ok()) {
        errors.add(accounts.get(i) + ": " + results.get(i).error());
      }
    }
    Duration took =
        results.stream().map(PollResult::took).max(Duration::compareTo).orElse(Duration.ZERO);
    return new PollResult(
        ok,
        results.stream().anyMatch(PollResult::firstRun),
        results.stream().mapToInt(PollResult::listed).sum(),
        results.stream().mapToInt(PollResult::changed).sum(),
        results.stream().mapToInt(PollResult::detailsRead).sum(),
        results.stream().mapToInt(PollResult::pages).sum(),
        results.get(0).cursor(),
        took,
        errors.isEmpty() ? null : String.join("; ", errors),
        results.stream().mapToInt(PollResult::setAside).sum());
  }

  @Override
  public void close() {
    if (pool != null) {
      Pools.stopNow(pool, Duration.ofSeconds(5));
    }
  }
}

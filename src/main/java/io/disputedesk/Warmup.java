package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, in the background once the bot is ready, what its first poll and first clicks would
 * otherwise run cold: PayPal's dispute JSON read and written by the application's mapper, a dry
 * sync pass over a synthetic dispute and a later read of it (stored, compared, card and thread
 * replies queued, all rolled back), its card and every form a button opens built and written as
 * Slack gets them. Nothing is stored, queued or sent; a failure here is logged and the bot runs on.
 * The scheduled poll waits for it, briefly ({@link #before}); health and requests never do. Before
 * each step it passes its gate, which holds it while requests are being answered: a click on a
 * freshly started bot must open its form within Slack's 3 s, and the warm-up would otherwise take
 * the cores from it.
 */
final class Warmup {
  private static final Logger log = LoggerFactory.getLogger(Warmup.class);
  private static final String SYNTHETIC = "/warmup/dispute.json";
  // Off the ready path, so enough rounds for the JIT to compile the poll's JSON, sync and Block Kit
  // code, not just load it (the cold first poll's own CPU time: ~85 ms after 40 rounds and 3
  // passes,
  // ~70 ms after these).
  private static final int JSON_ROUNDS = 200;
  private static final int PASSES = 15;

  /** JSON rounds between two gates: a short step even while the code still runs cold. */
  private static final int ROUNDS_PER_GATE = 10;

  /**
   * How long a poll waits for a warm-up still running; it is usually over long before the first
   * poll.
   */
  static final Duration POLL_WAIT = Duration.ofSeconds(5);

  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  /**
   * What one pass of a warm-up went through: sync events, forms built; and how long it all took.
   */
  record Done(int events, int forms, long millis) {}

  private final ObjectMapper mapper;
  private final DisputeSync sync;
  private final CardBuilder cards;
  private final ToIntFunction<Dispute> forms;
  private final Clock clock;
  private final StartGate gate;
  private final CompletableFuture<Done> done = new CompletableFuture<>();
  private volatile boolean stopping;
  // The warm-up's thread while it waits at the gate (guarded by this): the only time a stop
  // interrupts it, so that no database or JSON work of the warm-up is ever interrupted.
  private Thread waiting;

  /**
   * {@code forms} builds, without opening them, the forms a dispute's buttons open and says how
   * many; {@code gate} is passed before each step.
   */
  Warmup(
      ObjectMapper mapper,
      DisputeSync sync,
      CardBuilder cards,
      ToIntFunction<Dispute> forms,
      Clock clock,
      StartGate gate) {
    this.mapper = mapper;
    this.sync = sync;
    this.cards = cards;
    this.forms = forms;
    this.clock = clock;
    this.gate = gate;
  }

  /** Starts the warm-up on its own thread, counted in {@code work}, and returns at once. */
  void start(Workload work) {
    work.execute(
        task -> {
          Thread thread = new Thread(task, "dd-warmup");
          thread.setDaemon(true);
          thread.start();
        },
        () -> {
          try {
            done.complete(run());
          } finally {
            done.complete(null);
          }
        });
  }

  /**
   * {@code poll}, run once the warm-up is over or after {@link #POLL_WAIT}, whichever comes first.
   */
  Supplier<PollResult> before(Supplier<PollResult> poll) {
    return () -> {
      await(POLL_WAIT);
      return poll.get();
    };
  }

  /**
   * What the warm-up went through, once it is over (waiting at most {@code wait}); empty if it
   * failed or runs on.
   */
  Optional<Done> await(Duration wait) {
    try {
      return Optional.ofNullable(done.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  /**
   * Cuts a running warm-up short at its next step (or its wait at the gate) and waits for it to
   * end, before the database closes.
   */
  void stop() {
    stopping = true;
    synchronized (this) {
      if (waiting != null) {
        waiting.interrupt();
      }
    }
    await(STOP_WAIT);
  }

  /** Warms up; null when something failed (logged) or the bot is stopping. */
  Done run() {
    long start = System.nanoTime();
    try {
      // The first read loads and links the JSON code: the costliest step, so it waits its turn too.
      if (!pass()) {
        return null;
      }
      String json = synthetic();
      Dispute first = read(json);
      // Enough rounds for the JIT to compile the JSON and Block Kit code, not just load it.
      for (int i = 0; i < JSON_ROUNDS; i++) {
        if (i % ROUNDS_PER_GATE == 0 && !pass()) {
          return null;
        }
        read(mapper.writeValueAsString(read(json)));
      }
      int events = 0;
      int built = 0;
      for (int i = 1; i <= PASSES; i++) {
        if (!pass()) {
          return null;
        }
        ObjectNode later = (ObjectNode) mapper.readTree(json);
        Instant updated = first.updateTime().plusSeconds(60L * i);
        later.put("status", "UNDER_REVIEW");
        later.put("update_time", updated.toString());
        // A new buyer message, the change a poll sees most: its diff and thread reply run warm.
        later
            .withArray("messages")
            .addObject()
            .put("posted_by", "BUYER")
            .put("time_posted", updated.toString())
            .put("content", "Any news on my refund?");
        events += sync.rehearse(List.of(first, read(mapper.writeValueAsString(later)))).size();
        if (!pass()) {
          return null;
        }
        cards.card(new StoredDispute(first, null, clock.instant(), null, null, sync.account()));
        if (!pass()) {
          return null;
        }
        built += forms.applyAsInt(first);
      }
      Done done =
          new Done(events / PASSES, built / PASSES, (System.nanoTime() - start) / 1_000_000);
      log.info(
          "Warmed up in {} ms ({} sync events, {} forms)",
          done.millis(),
          done.events(),
          done.forms());
      return done;
    } catch (IOException | RuntimeException e) {
      if (stopping) {
        return null;
      }
      log.warn("Warm-up failed; the first poll and clicks run cold: {}", e.toString());
      return null;
    }
  }

  /** Waits at the gate; false when the bot is stopping, and the warm-up ends here. */
  private boolean pass() {
    synchronized (this) {
      if (stopping) {
        return false;
      }
      waiting = Thread.currentThread();
    }
    try {
      gate.await();
    } catch (InterruptedException e) {
      // Only a stop interrupts the warm-up's own thread; it ends now.
      Thread.currentThread().interrupt();
    } finally {
      synchronized (this) {
        waiting = null;
      }
    }
    return !stopping;
  }

  private Dispute read(String json) throws IOException {
    return mapper.readValue(json, Dispute.class).withRawJson(json);
  }

  private static String synthetic() {
    try (InputStream in = Warmup.class.getResourceAsStream(SYNTHETIC)) {
      if (in == null) {
        throw new IllegalStateException("missing " + SYNTHETIC);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

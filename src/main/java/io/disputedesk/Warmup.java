package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.actions.ActionHandlers;
import io.disputedesk.sync.DisputeSync;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, before the bot says it is ready, what its first poll and first clicks would otherwise run
 * cold: PayPal's dispute JSON read and written by the application's mapper, a dry sync pass over a
 * synthetic dispute and a later read of it (stored, compared, card and thread replies queued, all
 * rolled back), its card and every form a button opens built and written as Slack gets them.
 * Nothing is stored, queued or sent; a failure here is logged and the start goes on.
 */
final class Warmup {
  private static final Logger log = LoggerFactory.getLogger(Warmup.class);
  private static final String SYNTHETIC = "/warmup/dispute.json";
  private static final int JSON_ROUNDS = 40;
  private static final int PASSES = 3;

  /** What one pass of a warm-up went through: sync events, forms built; and how long it all took. */
  record Done(int events, int forms, long millis) {}

  private final ObjectMapper mapper;
  private final DisputeSync sync;
  private final CardBuilder cards;
  private final ActionHandlers forms;
  private final Clock clock;

  Warmup(ObjectMapper mapper, DisputeSync sync, CardBuilder cards, ActionHandlers forms, Clock clock) {
    this.mapper = mapper;
    this.sync = sync;
    this.cards = cards;
    this.forms = forms;
    this.clock = clock;
  }

  /** Warms up; null when something failed (logged). */
  Done run() {
    long start = System.nanoTime();
    try {
      String json = synthetic();
      Dispute first = read(json);
      // Enough rounds for the JIT to compile the JSON and Block Kit code, not just load it.
      for (int i = 0; i < JSON_ROUNDS; i++) {
        read(mapper.writeValueAsString(read(json)));
      }
      int events = 0;
      int built = 0;
      for (int i = 1; i <= PASSES; i++) {
        ObjectNode later = (ObjectNode) mapper.readTree(json);
        later.put("status", "UNDER_REVIEW");
        later.put("update_time", first.updateTime().plusSeconds(60L * i).toString());
        events += sync.rehearse(List.of(first, read(mapper.writeValueAsString(later)))).size();
        cards.card(new StoredDispute(first, null, clock.instant(), null, null, sync.account()));
        built += forms.rehearse(first);
      }
      Done done = new Done(events / PASSES, built / PASSES, (System.nanoTime() - start) / 1_000_000);
      log.info("Warmed up in {} ms ({} sync events, {} forms)", done.millis(), done.events(), done.forms());
      return done;
    } catch (IOException | RuntimeException e) {
      log.warn("Warm-up failed; the first poll and clicks run cold: {}", e.toString());
      return null;
    }
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

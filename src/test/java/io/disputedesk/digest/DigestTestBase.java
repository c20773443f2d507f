package io.disputedesk.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.json.Json;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.SlackDigestPublisher;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded database, its outbox and digest ledger on a fixed clock, and digest services over them.
 */
abstract class DigestTestBase {
  static final String CHANNEL = "C0DIGEST1";
  static final Instant YESTERDAY_9 = Instant.parse("2026-11-19T09:00:00Z");
  static final Instant TODAY_9 = Instant.parse("2026-11-20T09:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  final ShiftableClock clock = new ShiftableClock(TODAY_9.plusSeconds(300));
  final ObjectMapper mapper = Json.newMapper();

  /** Whether PayPal was read at least once (the digest waits for that). */
  final AtomicBoolean polledOnce = new AtomicBoolean(true);

  Database db;
  OutboxStore outbox;
  DigestLedger ledger;
  DisputeSeeds seeds;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    ledger = new DigestLedger(db);
    seeds = new DisputeSeeds(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  final DigestService service(
      Database database, ZoneId zone, boolean weekdaysOnly, Runnable wakeUp) {
    DisputeLines lines =
        new DisputeLines(new Permalinks(() -> Optional.of("https://acme-payments.slack.com/")));
    return new DigestService(
        database,
        new DigestLedger(database),
        new DisputeQueries(database),
        new SlackDigestPublisher(
            new Notifier(new OutboxStore(database), mapper, CHANNEL, wakeUp),
            new DigestBuilder(lines, zone)),
        new DigestSettings(LocalTime.of(9, 0), zone, weekdaysOnly),
        polledOnce::get);
  }

  final DigestService service() {
    return service(db, ZoneOffset.UTC, false, null);
  }

  final List<String> digestKeys() {
    return outbox.inState(OutboxRow.PENDING).stream().map(OutboxRow::dedupeKey).toList();
  }

  final Instant coveredFrom(String date) {
    return db.read(
        c -> {
          try (var ps =
              c.prepareStatement(
                  "SELECT covered_from FROM digests_sent WHERE channel = ? AND digest_date = ?")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, date);
            try (var rs = ps.executeQuery()) {
              rs.next();
              return Instant.ofEpochMilli(rs.getLong(1));
            }
          }
        });
  }

  final JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static List<String> texts(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "section", "header" -> texts.add(block.path("text").path("text").asText());
        case "context" -> texts.add(block.path("elements").get(0).path("text").asText());
        default -> {}
      }
    }
    return texts;
  }
}

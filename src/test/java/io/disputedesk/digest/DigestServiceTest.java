package io.disputedesk.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.json.Json;
import io.disputedesk.sim.MutableClock;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.format.DisputeLines;
import io.disputedesk.slack.format.Permalinks;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily digest on a seeded database with a fixed clock: contents, timing, time zones and exactly-once. */
class DigestServiceTest {
  static final String CHANNEL = "C0DIGEST1";
  static final Instant YESTERDAY_9 = Instant.parse("2026-11-19T09:00:00Z");
  static final Instant TODAY_9 = Instant.parse("2026-11-20T09:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(TODAY_9.plusSeconds(300));
  final ObjectMapper mapper = Json.newMapper();
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

  DigestService service(Database database, ZoneId zone, boolean weekdaysOnly, Runnable wakeUp) {
    DisputeLines lines = new DisputeLines(new Permalinks(() -> Optional.of("https://acme-payments.slack.com/")));
    return new DigestService(database, new DigestLedger(database), new DisputeQueries(database),
        new DigestBuilder(lines, zone), new Notifier(new OutboxStore(database), mapper, CHANNEL, wakeUp),
        new DigestSettings(LocalTime.of(9, 0), zone, weekdaysOnly));
  }

  DigestService service() {
    return service(db, ZoneOffset.UTC, false, null);
  }

  @Test
  void digestListsNewDueUnassignedAndResolvedWithLinksAndOwnerMentions() {
    ledger.claim(CHANNEL, LocalDate.parse("2026-11-19"), YESTERDAY_9.minus(Duration.ofDays(1)), YESTERDAY_9, YESTERDAY_9);
    seeds.dispute("PP-D-N1").amount("42.00", "USD").seenAt(YESTERDAY_9.plus(HOUR.multipliedBy(6)))
        .sellerDue(TODAY_9.plus(Duration.ofDays(5))).store();
    seeds.dispute("PP-D-S1").reason("UNAUTHORISED").amount("300.00", "EUR").seenAt(TODAY_9.minus(Duration.ofDays(9)))
        .sellerDue(TODAY_9.plus(HOUR.multipliedBy(11))).store();
    seeds.dispute("PP-D-R1").amount("80.00", "USD").seenAt(TODAY_9.minus(Duration.ofDays(20)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, TODAY_9.minus(HOUR.multipliedBy(7))).store();
    seeds.dispute("PP-D-R0").amount("10.00", "USD").seenAt(TODAY_9.minus(Duration.ofDays(20)))
        .resolved("RESOLVED_BUYER_FAVOUR", "10.00", YESTERDAY_9.minus(HOUR)).store();
    new AssignmentStore(db).assign("PP-D-S1", "U0OWNER01", "U0LEAD001");
    new CardStore(db).save("PP-D-S1", CHANNEL, "1763550000.000200", TODAY_9);

    assertThat(service().sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);

    List<OutboxRow> rows = outbox.inState(OutboxRow.PENDING);
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(Notifier.MESSAGE);
      assertThat(r.channel()).isEqualTo(CHANNEL);
      assertThat(r.dedupeKey()).isEqualTo("message:digest:" + CHANNEL + ":2026-11-20");
    });
    JsonNode post = json(rows.get(0).payload());
    assertThat(post.path("text").asText()).isEqualTo(
        "Dispute digest · Fri 20 Nov: 1 new, 1 due within 48 h, 1 unassigned, 1 resolved");
    List<String> texts = texts(json(post.path("blocks_json").asText()));
    assertThat(texts).containsExactly(
        "Dispute digest · Fri 20 Nov",
        "Since Thu 19 Nov 09:00 Z · 2 open · at risk 300.00 EUR + 42.00 USD",
        "*New since the last digest* (1)",
        "*42.00 USD* · Not received · Waiting for us · due in 5d · _unassigned_ · `PP-D-N1`",
        "*Due within 48 h* (1)",
        "*300.00 EUR* · Unauthorised · Waiting for us · due in 11h · <@U0OWNER01>"
            + " · <https://acme-payments.slack.com/archives/C0DIGEST1/p1763550000000200|PP-D-S1>",
        "*Unassigned* (1)",
        "*42.00 USD* · Not received · Waiting for us · due in 5d · _unassigned_ · `PP-D-N1`",
        "*Resolved since the last digest* (1)",
        "*80.00 USD* · Not received · Resolved · won (our favour) · _unassigned_ · `PP-D-R1`",
        "*Totals:* 2 open · at risk 300.00 EUR + 42.00 USD · 1 new · 1 resolved");
  }

  @Test
  void nothingGoesOutBeforeTheDigestTimeOrOnWeekendsWhenWeekdaysOnly() {
    assertThat(service().sendIfDue(TODAY_9.minusSeconds(1))).isEqualTo(DigestOutcome.NOT_YET);
    Instant saturday = Instant.parse("2026-11-21T10:00:00Z");
    assertThat(service(db, ZoneOffset.UTC, true, null).sendIfDue(saturday)).isEqualTo(DigestOutcome.WEEKEND);
    assertThat(outbox.inState(OutboxRow.PENDING)).isEmpty();
    assertThat(service(db, ZoneOffset.UTC, false, null).sendIfDue(saturday)).isEqualTo(DigestOutcome.SENT);
  }

  @Test
  void nineInNewYorkIsTheRightUtcInstantOnEachSideOfBothDaylightSavingSwitches() {
    DigestService ny = service(db, ZoneId.of("America/New_York"), true, null);
    // Before the March switch (EST, UTC−5) and after it (EDT, UTC−4).
    assertThat(ny.sendIfDue(Instant.parse("2026-03-06T13:59:59Z"))).isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-06T14:00:00Z"))).isEqualTo(DigestOutcome.SENT);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-07T14:00:00Z"))).isEqualTo(DigestOutcome.WEEKEND);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-09T12:59:59Z"))).isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-03-09T13:00:00Z"))).isEqualTo(DigestOutcome.SENT);
    // Before the November switch (EDT) and after it (EST).
    assertThat(ny.sendIfDue(Instant.parse("2026-10-30T12:59:59Z"))).isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-10-30T13:00:00Z"))).isEqualTo(DigestOutcome.SENT);
    assertThat(ny.sendIfDue(Instant.parse("2026-11-02T13:59:59Z"))).isEqualTo(DigestOutcome.NOT_YET);
    assertThat(ny.sendIfDue(Instant.parse("2026-11-02T14:00:00Z"))).isEqualTo(DigestOutcome.SENT);

    assertThat(digestKeys()).containsExactly(
        "message:digest:" + CHANNEL + ":2026-03-06", "message:digest:" + CHANNEL + ":2026-03-09",
        "message:digest:" + CHANNEL + ":2026-10-30", "message:digest:" + CHANNEL + ":2026-11-02");
  }

  @Test
  void secondCheckTheSameDaySendsNothing() {
    DigestService digest = service();
    assertThat(digest.sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);
    assertThat(digest.sendIfDue(TODAY_9.plus(HOUR))).isEqualTo(DigestOutcome.ALREADY_SENT);
    assertThat(outbox.inState(OutboxRow.PENDING)).hasSize(1);
  }

  @Test
  void twoInstancesOnOneDatabaseSendOneDigest() throws Exception {
    try (Database other = Database.open(TestDatabases.url(dir), clock)) {
      List<DigestService> replicas = List.of(service(), service(other, ZoneOffset.UTC, false, null));
      ExecutorService threads = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<DigestOutcome>> results = new ArrayList<>();
      for (DigestService replica : replicas) {
        Callable<DigestOutcome> run = () -> {
          go.await();
          return replica.sendIfDue(TODAY_9.plusSeconds(1));
        };
        results.add(threads.submit(run));
      }
      go.countDown();
      List<DigestOutcome> outcomes = new ArrayList<>();
      for (Future<DigestOutcome> f : results) {
        outcomes.add(f.get());
      }
      threads.shutdown();

      assertThat(outcomes).containsExactlyInAnyOrder(DigestOutcome.SENT, DigestOutcome.ALREADY_SENT);
      assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-20");
    }
  }

  @Test
  void restartAfterSendingSendsNothingMore() {
    assertThat(service().sendIfDue(TODAY_9.plusSeconds(5))).isEqualTo(DigestOutcome.SENT);
    db.close();
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);

    assertThat(service().sendIfDue(TODAY_9.plusSeconds(60))).isEqualTo(DigestOutcome.ALREADY_SENT);
    assertThat(digestKeys()).hasSize(1);
  }

  @Test
  void crashBetweenClaimAndQueueingLeavesTheDayUnclaimedSoTheRestartSendsIt() {
    DigestService crashing = service(db, ZoneOffset.UTC, false, () -> {
      throw new IllegalStateException("process killed");
    });
    assertThatThrownBy(() -> crashing.sendIfDue(TODAY_9.plusSeconds(5))).hasMessageContaining("process killed");
    assertThat(ledger.lastCoveredTo(CHANNEL)).isEmpty();
    assertThat(outbox.inState(OutboxRow.PENDING)).isEmpty();

    assertThat(service().sendIfDue(TODAY_9.plusSeconds(60))).isEqualTo(DigestOutcome.SENT);
    assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-20");
  }

  @Test
  void digestMissedWhileDownGoesOutOnReturnTheSameDay() {
    DigestService digest = service();

    assertThat(digest.sendIfDue(TODAY_9.plus(HOUR.multipliedBy(6)))).isEqualTo(DigestOutcome.SENT);
    assertThat(digest.sendIfDue(TODAY_9.plus(HOUR.multipliedBy(6)).plusSeconds(300))).isEqualTo(DigestOutcome.ALREADY_SENT);
    assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-20");
  }

  @Test
  void digestMissedYesterdayIsNotSentTodayAndTodaysCoversSinceTheLastOne() {
    Instant wednesday9 = Instant.parse("2026-11-18T09:00:00Z");
    DigestService digest = service();
    assertThat(digest.sendIfDue(wednesday9)).isEqualTo(DigestOutcome.SENT);
    // Down all of Thursday; back on Friday before nine.
    assertThat(digest.sendIfDue(TODAY_9.minus(HOUR))).isEqualTo(DigestOutcome.NOT_YET);
    assertThat(digestKeys()).containsExactly("message:digest:" + CHANNEL + ":2026-11-18");

    assertThat(digest.sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);
    assertThat(digestKeys()).containsExactly(
        "message:digest:" + CHANNEL + ":2026-11-18", "message:digest:" + CHANNEL + ":2026-11-20");
    assertThat(coveredFrom("2026-11-20")).isEqualTo(wednesday9);
  }

  @Test
  void bigDigestIsSplitIntoMessagesOfAtMostFiftyBlocks() {
    ledger.claim(CHANNEL, LocalDate.parse("2026-11-19"), YESTERDAY_9.minus(Duration.ofDays(1)), YESTERDAY_9, YESTERDAY_9);
    for (int i = 0; i < 30; i++) {
      seeds.dispute(String.format("PP-D-N%02d", i)).seenAt(YESTERDAY_9.plus(HOUR)).sellerDue(TODAY_9.plus(HOUR.multipliedBy(2 + i))).store();
      seeds.dispute(String.format("PP-D-R%02d", i)).seenAt(TODAY_9.minus(Duration.ofDays(30)))
          .resolved("RESOLVED_BUYER_FAVOUR", null, TODAY_9.minus(HOUR.multipliedBy(3))).store();
    }

    assertThat(service().sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);

    List<OutboxRow> rows = outbox.inState(OutboxRow.PENDING);
    assertThat(rows).extracting(OutboxRow::dedupeKey).containsExactly(
        "message:digest:" + CHANNEL + ":2026-11-20", "message:digest:" + CHANNEL + ":2026-11-20:2");
    List<String> all = new ArrayList<>();
    for (OutboxRow row : rows) {
      JsonNode blocks = json(json(row.payload()).path("blocks_json").asText());
      assertThat(blocks.size()).isLessThanOrEqualTo(50);
      all.addAll(texts(blocks));
    }
    assertThat(all).contains("*New since the last digest* (30)", "…and 20 more: `/disputes list open`",
        "*Resolved since the last digest* (30)", "Dispute digest · Fri 20 Nov (part 2)");
  }

  @Test
  void packingKeepsSectionsWholeWhenTheyFit() {
    DisputeLines lines = new DisputeLines(new Permalinks(Optional::empty));
    seeds.dispute("PP-D-X1").seenAt(TODAY_9.minus(HOUR)).store();
    seeds.dispute("PP-D-X2").seenAt(TODAY_9.minus(HOUR)).store();
    var data = new DisputeQueries(db).digest(TODAY_9.minus(Duration.ofDays(1)), TODAY_9, Duration.ofHours(48), 10);

    List<DigestMessage> messages = new DigestBuilder(lines, ZoneOffset.UTC, 6).build(data, LocalDate.parse("2026-11-20"), TODAY_9);

    assertThat(messages).allSatisfy(m -> assertThat(m.blocks().size()).isLessThanOrEqualTo(6));
    assertThat(texts(messages.get(1).blocks())).startsWith("Dispute digest · Fri 20 Nov (part 2)", "*Unassigned* (2)");
  }

  private List<String> digestKeys() {
    return outbox.inState(OutboxRow.PENDING).stream().map(OutboxRow::dedupeKey).toList();
  }

  private Instant coveredFrom(String date) {
    return db.read(c -> {
      try (var ps = c.prepareStatement("SELECT covered_from FROM digests_sent WHERE channel = ? AND digest_date = ?")) {
        ps.setString(1, CHANNEL);
        ps.setString(2, date);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return Instant.ofEpochMilli(rs.getLong(1));
        }
      }
    });
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> texts(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "section", "header" -> texts.add(block.path("text").path("text").asText());
        case "context" -> texts.add(block.path("elements").get(0).path("text").asText());
        default -> { }
      }
    }
    return texts;
  }
}

package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DigestData;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.slack.commands.CsvSurface;
import io.disputedesk.slack.commands.ListBuilder;
import io.disputedesk.slack.home.HomeSurface;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A status, reason, stage or outcome stored by a newer version, unknown to this one, reaches the
 * list, Home, digest and export lines from the store without an error, in the neutral words; the
 * export's code columns keep the stored text.
 */
class UnknownStoredValuesTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:40:00Z");
  private static final DisputeLines LINES = new DisputeLines(new Permalinks(Optional::empty));

  private final ShiftableClock clock = new ShiftableClock(NOW);
  private Database db;
  private DisputeQueries queries;

  @BeforeEach
  void seed(TestDatabase database) {
    db = database.open(clock);
    queries = new DisputeQueries(db);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    // A new reason on a dispute waiting for us: in the open list and the person's Home.
    seeds
        .dispute("PP-D-NEWREASON")
        .sellerDue(NOW.plus(Duration.ofHours(30)))
        .seenAt(NOW.minus(Duration.ofHours(2)))
        .store();
    // A new status (not open, not resolved as far as we know), stage and outcome as well.
    seeds
        .dispute("PP-D-NEWSTATUS")
        .sellerDue(NOW.plus(Duration.ofHours(40)))
        .seenAt(NOW.minus(Duration.ofHours(1)))
        .store();
    store("PP-D-NEWREASON", "REFUND_NOT_ISSUED_ON_TIME", "WAITING_FOR_SELLER_RESPONSE", "INQUIRY");
    store("PP-D-NEWSTATUS", "GOODS_SWAPPED", "PAUSED_BY_PAYPAL", "MEDIATION");
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE disputes SET outcome_code = 'SPLIT_DECISION' WHERE dispute_id = ?")) {
            ps.setString(1, "PP-D-NEWSTATUS");
            return ps.executeUpdate();
          }
        });
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void anUnknownReasonReadsAsUnknownOnTheListHomeAndDigest() {
    List<DisputeLine> open = queries.list(ListFilter.of(DisputeView.OPEN), NOW, 0, 10);
    assertThat(open).extracting(DisputeLine::disputeId).containsExactly("PP-D-NEWREASON");
    DisputeLine line = open.get(0);

    String list = list(line);
    String home = HomeSurface.render(LINES, "U0OWNER01", line, NOW).toString();
    String digest = digest();

    for (String surface : List.of(list, home, digest)) {
      assertThat(surface)
          .contains("*49.99 USD* · Unknown reason · Inquiry · Waiting for our response · ")
          .doesNotContain("REFUND_NOT_ISSUED_ON_TIME");
    }
    assertThat(CsvSurface.csv(line).lines().skip(1).findFirst().orElseThrow())
        .contains(",Unknown reason,Waiting for our response,Inquiry,49.99,USD,")
        .endsWith(",REFUND_NOT_ISSUED_ON_TIME,WAITING_FOR_SELLER_RESPONSE,INQUIRY,");
  }

  @EachDatabase
  void anUnknownStatusStageAndOutcomeReadAsUnknownOnTheListHomeDigestAndExport() {
    DisputeLine line = queries.line("PP-D-NEWSTATUS").orElseThrow();

    String list = list(line);
    String home = HomeSurface.render(LINES, "U0OWNER01", line, NOW).toString();
    String digest = digest();

    for (String surface : List.of(list, home, digest)) {
      assertThat(surface)
          .contains("*49.99 USD* · Unknown reason · Unknown stage · Unknown status · ")
          .contains("1 day 16 h left")
          .doesNotContain("PAUSED_BY_PAYPAL")
          .doesNotContain("Paused by paypal");
    }
    List<String> exported = new ArrayList<>();
    queries.export(NOW.minus(Duration.ofDays(30)), d -> exported.add(CsvSurface.csv(d)));
    String row =
        exported.stream()
            .map(csv -> csv.lines().skip(1).findFirst().orElseThrow())
            .filter(r -> r.startsWith("PP-D-NEWSTATUS,"))
            .collect(Collectors.joining())
            .replace("\r", "");
    assertThat(row)
        .contains(",Unknown reason,Unknown status,Unknown stage,49.99,USD,")
        .endsWith(",GOODS_SWAPPED,PAUSED_BY_PAYPAL,MEDIATION,SPLIT_DECISION");
  }

  private String list(DisputeLine line) {
    return new ListBuilder(LINES)
        .build(ListFilter.of(DisputeView.OPEN), List.of(line), 1, 0, NOW, null)
        .blocks()
        .toString();
  }

  /** Today's digest: both disputes were first seen in the last day. */
  private String digest() {
    DigestData data = queries.digest(NOW.minus(Duration.ofDays(1)), NOW, Duration.ofHours(48), 10);
    assertThat(data.newSince().lines())
        .extracting(DisputeLine::disputeId)
        .containsExactly("PP-D-NEWREASON", "PP-D-NEWSTATUS");
    return new DigestBuilder(LINES, ZoneOffset.UTC)
        .build(data, LocalDate.of(2026, 12, 3), NOW).stream()
            .map(m -> m.blocks().toString())
            .collect(Collectors.joining("\n"));
  }

  /**
   * Stores names this version does not know, as a newer version of the bot would have stored them
   * (this one stores UNKNOWN for a value PayPal added).
   */
  private void store(String disputeId, String reason, String status, String stage) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE disputes SET reason = ?, status = ?, stage = ? WHERE dispute_id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, status);
            ps.setString(3, stage);
            ps.setString(4, disputeId);
            return ps.executeUpdate();
          }
        });
  }
}

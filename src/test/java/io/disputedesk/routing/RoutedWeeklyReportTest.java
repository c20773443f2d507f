package io.disputedesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.digest.DigestChannels;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.insights.ReportLedger;
import io.disputedesk.insights.ReportRange;
import io.disputedesk.insights.ReportSettings;
import io.disputedesk.insights.Reports;
import io.disputedesk.insights.WeeklyOutcome;
import io.disputedesk.insights.WeeklyReport;
import io.disputedesk.json.Json;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.SlackReportPublisher;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weekly report follows the routes like the digest: a channel that gets one account's disputes
 * sees only their figures, in its message and in its charts.
 */
class RoutedWeeklyReportTest {
  /** Monday 23 November 2026, 10:00 UTC. */
  private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

  private static final String MAIN = "C0MAIN";
  private static final String BRAND_B = "C0BRANDB";

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(MONDAY);
  private final ObjectMapper mapper = Json.newMapper();
  private Database db;
  private OutboxStore outbox;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    Instant created = MONDAY.minus(Duration.ofDays(20));
    Instant resolved = MONDAY.minus(Duration.ofDays(10));
    seeds
        .dispute("D-A-WON")
        .amount("20.00", "USD")
        .created(created)
        .resolved("RESOLVED_SELLER_FAVOUR", null, resolved)
        .store();
    seeds.dispute("D-A-OPEN").amount("25.00", "USD").created(created).store();
    seeds
        .dispute("D-B-WON")
        .account("brand-b")
        .amount("30.00", "EUR")
        .created(created)
        .resolved("RESOLVED_SELLER_FAVOUR", null, resolved)
        .store();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Router router(Route... extra) {
    List<Route> routes =
        new ArrayList<>(
            List.of(
                Route.configured(
                    BRAND_B, FilterWords.parse("account:brand-b", FilterWords.Use.ROUTE))));
    routes.addAll(List.of(extra));
    return new Router(routes, new SubscriptionStore(db), MAIN);
  }

  private WeeklyReport weekly(Router router) {
    Notifier notifier = new Notifier(outbox, mapper, MAIN, null);
    return new WeeklyReport(
        db,
        new ReportLedger(db),
        new Reports(new DisputeQueries(db), ZoneOffset.UTC),
        new SlackReportPublisher(notifier),
        new ReportSettings(DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneOffset.UTC),
        channels(router),
        () -> true);
  }

  private static DigestChannels channels(Router router) {
    return new DigestChannels() {
      @Override
      public List<String> channels() {
        return router.channels();
      }

      @Override
      public DisputeScope scopeOf(String channel) {
        return router.scopeOf(channel);
      }
    };
  }

  /** The message posted with the report file in {@code channel}. */
  private String comment(String channel) {
    List<OutboxRow> files =
        outbox.inState(OutboxRow.PENDING).stream()
            .filter(r -> r.kind().equals(Notifier.FILE) && r.channel().equals(channel))
            .toList();
    assertThat(files).hasSize(1);
    try {
      JsonNode payload = mapper.readTree(files.get(0).payload());
      return payload.path("comment").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The figures the chart of {@code channel}'s report is drawn from. */
  private ReportData chartData(Router router, String channel) {
    return new Reports(new DisputeQueries(db), ZoneOffset.UTC)
        .data(ReportRange.LAST_12_WEEKS.at(MONDAY, ZoneOffset.UTC), router.scopeOf(channel));
  }

  @Test
  void aChannelRoutedOneAccountGetsTheReportOfThatAccountsDisputesOnly() {
    Router router = router();

    assertThat(weekly(router).sendIfDue(MONDAY)).isEqualTo(WeeklyOutcome.SENT);

    assertThat(comment(BRAND_B))
        .contains("1 opened · 1 resolved · win rate 100%", "Recovered 30.00 EUR")
        .doesNotContain("USD");
    ReportData b = chartData(router, BRAND_B);
    assertThat(b.opened()).isEqualTo(1);
    assertThat(b.currencies()).extracting(ReportData.CurrencyAmounts::currency).containsOnly("EUR");
    // The default channel gets the cards no route takes, so its report counts those: brand B's
    // figures stay in brand B's channel.
    assertThat(comment(MAIN))
        .contains("2 opened · 1 resolved · win rate 100%", "Recovered 20.00 USD")
        .doesNotContain("EUR");
    ReportData main = chartData(router, MAIN);
    assertThat(main.opened()).isEqualTo(2);
    assertThat(main.currencies())
        .extracting(ReportData.CurrencyAmounts::currency)
        .containsOnly("USD");
  }

  @Test
  void theDefaultChannelRoutedEverythingGetsTheWholeReport() {
    Router router =
        router(Route.configured(MAIN, FilterWords.parse("everything", FilterWords.Use.ROUTE)));

    assertThat(weekly(router).sendIfDue(MONDAY)).isEqualTo(WeeklyOutcome.SENT);

    assertThat(comment(MAIN))
        .contains("3 opened · 2 resolved · win rate 100%", "20.00 USD", "30.00 EUR");
    assertThat(chartData(router, MAIN).opened()).isEqualTo(3);
    assertThat(comment(BRAND_B)).contains("1 opened · 1 resolved").doesNotContain("USD");
  }

  @Test
  void withoutRoutesTheOneChannelGetsTheWholeReport() {
    Router router = new Router(List.of(), new SubscriptionStore(db), MAIN);

    assertThat(weekly(router).sendIfDue(MONDAY)).isEqualTo(WeeklyOutcome.SENT);

    assertThat(comment(MAIN))
        .contains("3 opened · 2 resolved · win rate 100%", "20.00 USD", "30.00 EUR");
  }
}

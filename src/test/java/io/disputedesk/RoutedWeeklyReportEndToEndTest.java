package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.slack.UploadedFile;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two PayPal accounts, brand B's disputes routed to its own channel: the weekly report in brand B's
 * channel counts brand B's disputes only, and the disputes channel's report those no route takes
 * (as its cards and its digest), as posted through Slack's file upload.
 */
class RoutedWeeklyReportEndToEndTest {
  private static final String BRAND_B = "C0BRANDB01";
  private static final String MERCHANT_B = "BRANDB00001";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  @Test
  void brandBsChannelGetsAReportOfBrandBsDisputesOnly() {
    BotDesk desk = bot.desk();
    desk.slack.addChannel(BRAND_B, "brand-b");
    desk.sim.accounts().addApp(MERCHANT_B, "brand-b-id", "brand-b-secret", null);
    Instant now = Instant.now();
    // Opened three weeks ago and resolved ten days ago: inside the last 12 complete weeks.
    Instant created = now.minus(Duration.ofDays(20));
    Instant resolved = now.minus(Duration.ofDays(10));
    dispute(desk, null, "20.00", "USD", created, resolved);
    dispute(desk, null, "25.00", "USD", created, null);
    dispute(desk, MERCHANT_B, "30.00", "EUR", created, resolved);
    // A zone where it is about noon now: the report day cannot end while the test runs.
    int hour = now.atOffset(ZoneOffset.UTC).getHour();
    ZoneOffset zone = ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - hour)));
    desk.withBrandBRoutedTo(BRAND_B)
        .with("DIGEST_TIMEZONE", zone.getId())
        .with("DIGEST_TIME", "00:00")
        .with("REPORT_DAY", now.atOffset(zone).getDayOfWeek().name());
    // The history goes in first, polled by hand; the restart's catch-up check then posts the
    // report.
    RunningApp importer = desk.start();
    assertThat(importer.pollNow().ok()).isTrue();
    BotDesk.awaitQuiet(importer);
    importer.close();
    desk.start(BotDesk.fast().withFirstPollDelay(Duration.ZERO));

    Await.until(
        "the weekly report in both channels",
        () -> weekly(desk, BotDesk.CHANNEL).size() == 1 && weekly(desk, BRAND_B).size() == 1,
        Duration.ofSeconds(40));

    assertThat(weekly(desk, BRAND_B).get(0).initialComment())
        .startsWith(":bar_chart: *Dispute report · Last 12 weeks*")
        .contains("1 opened · 1 resolved · win rate 100%", "Recovered 30.00 EUR")
        .doesNotContain("USD");
    assertThat(weekly(desk, BotDesk.CHANNEL).get(0).initialComment())
        .contains("2 opened · 1 resolved · win rate 100%", "Recovered 20.00 USD")
        .doesNotContain("EUR");
    assertThat(weekly(desk, BRAND_B).get(0).content())
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  private static void dispute(
      BotDesk desk,
      String merchant,
      String amount,
      String currency,
      Instant created,
      Instant resolved) {
    SimDisputeSpecBuilder spec =
        SimDisputeSpec.builder()
            .merchant(merchant)
            .amount(amount, currency)
            .createTime(created)
            .updateTime(created);
    if (resolved != null) {
      spec.resolved(SimOutcome.RESOLVED_SELLER_FAVOUR, null, false).updateTime(resolved);
    }
    desk.sim.createDispute(spec.build());
  }

  private static List<UploadedFile> weekly(BotDesk desk, String channel) {
    return desk.slack.uploadedFiles().stream()
        .filter(
            f -> channel.equals(f.channel()) && f.filename().startsWith("weekly-dispute-report-"))
        .toList();
  }
}

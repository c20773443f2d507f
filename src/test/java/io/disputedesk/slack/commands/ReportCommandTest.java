package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.OUTSIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.OutcomeDetail;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.sim.slack.UploadedFile;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.SlashCommands;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@code /disputes report}: a PNG with a summary, for the people who may see disputes; and the
 * weekly CSV's numbers.
 */
class ReportCommandTest extends CommandsTestBase {
  @Test
  void reportIsAckedEmptyThenSentAsAnImageToTheCallersDirectMessages() throws IOException {
    SlashCommands.Exchange ex = slash.command("report 90d");

    assertThat(ex.ack().status()).isEqualTo(200);
    assertThat(ex.ack().body()).isEmpty();
    assertThat(slash.answer(ex).path("text").asText())
        .isEqualTo(
            ":bar_chart: Sent you"
                + " `dispute-report-90d-2026-11-20.png` (last 90 days, 22 Aug 2026 – 20 Nov 2026) in a direct message.");
    UploadedFile file = desk.slack.uploadedFiles().get(0);
    assertThat(desk.slack.uploadedFiles()).hasSize(1);
    assertThat(file.channel()).isEqualTo("D" + ALICE.substring(1));
    assertThat(file.mimetype()).isEqualTo("image/png");
    assertThat(file.title()).isEqualTo("Dispute report · Last 90 days");
    assertThat(file.initialComment())
        .startsWith(
            ":bar_chart: *Dispute report · Last 90 days* (22 Aug 2026 – 20 Nov"
                + " 2026, UTC)\n4 opened · 1 resolved · win rate 100% · median time to first action — · deadlines met 0 of 1 (0%)")
        .contains("Outcomes: won 1", "Recovered 80.00 USD · refunded nothing");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(file.content()));
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isGreaterThan(1000);
  }

  @Test
  void reportWithShareIsPostedInTheDisputesChannelAndElsewhereNotAtAll() {
    assertThat(slash.answer(slash.command("report this-quarter share")).path("text").asText())
        .startsWith(
            ":bar_chart: Posted `dispute-report-this-quarter-2026-11-20.png` (this quarter (q4 2026), 1 Oct");
    assertThat(desk.slack.uploadedFiles())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.channel()).isEqualTo(DeskDriver.CHANNEL);
              assertThat(f.initialComment()).contains("This quarter (Q4 2026)");
              // Without routes the disputes channel gets every dispute: no scope to name.
              assertThat(f.initialComment()).doesNotContain("Counts only");
            });

    assertThat(
            slash
                .answer(slash.command("report 30d share", ALICE, "alice", "C0ELSEWHERE"))
                .path("text")
                .asText())
        .startsWith(":no_entry: `share` posts only in");
    assertThat(desk.slack.uploadedFiles()).hasSize(1);
  }

  @Test
  void sharedDigestAndExportDoNotTellTheChannelTheOpposite() {
    // Shared, the digest is posted in the channel: it must not say "nothing was posted".
    JsonNode digest = slash.answer(slash.command("digest share"));
    assertThat(digest.path("response_type").asText()).isEqualTo("in_channel");
    assertThat(digest.toString())
        .doesNotContain("Preview only")
        .doesNotContain("nothing was posted")
        .contains("The daily digest still comes at its usual time.");

    // The export's files go to the caller's direct messages, shared or not: "Sent you …" stays
    // with the caller, as the report's reply does.
    JsonNode export = slash.answer(slash.command("export 30d share"));
    assertThat(export.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(export.path("text").asText()).startsWith(":page_facing_up: Sent you");
    assertThat(desk.slack.uploadedFiles())
        .allSatisfy(f -> assertThat(f.channel()).isEqualTo("D" + ALICE.substring(1)));
  }

  @Test
  void reportIsRefusedToWhoMayNotSeeDisputesAndTheRefusalIsAudited() {
    assertThat(slash.answer(slash.command("report", OUTSIDER, "mallory")).path("text").asText())
        .startsWith(":lock:");
    assertThat(desk.slack.uploadedFiles()).isEmpty();
    assertThat(desk.audit.recent(10))
        .anySatisfy(
            e -> {
              assertThat(e.userId()).isEqualTo(OUTSIDER);
              assertThat(e.action()).isEqualTo("REPORT");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
  }

  @Test
  void anUnknownPeriodIsExplainedInTheAck() {
    assertThat(ackText("report 7d"))
        .isEqualTo(
            ":warning: “7d” is not a report period; use 30d, 90d, 12w or"
                + " this-quarter.\nUsage: `/disputes report [30d|90d|12w|this-quarter]`");
  }

  @Test
  void theWeeklyCsvHasTheChartsNumbersWeekByWeekAndInTotal() {
    desk.seeds
        .dispute("PP-D-0800")
        .amount("5000", "JPY")
        .created(NOW.minus(Duration.ofDays(20)))
        .sellerDue(NOW.minus(Duration.ofDays(15)))
        .resolved("ACCEPTED", null, NOW.minus(Duration.ofDays(10)))
        .store();
    slash.answer(slash.command("export 30d"));

    ReportData data = desk.queries.report(NOW.minus(Duration.ofDays(30)), NOW, ZoneOffset.UTC);
    String[] rows = desk.slack.uploadedFiles().get(1).contentText().split("\r\n");
    assertThat(rows[0])
        .isEqualTo(
            String.join(",", WeeklyCsv.FIXED)
                + ",opened: Not as described,"
                + "opened: Item not received,opened: Unauthorised payment,disputed EUR,recovered EUR,refunded EUR,"
                + "disputed JPY,recovered JPY,refunded JPY,disputed USD,recovered USD,refunded USD");
    assertThat(rows).hasSize(1 + data.weeks().size() + 1);
    assertThat(rows[1])
        .as("the week the period starts in, cut to it")
        .startsWith("2026-10-21,2026-10-25,0,0,");
    // By hand: 0800 was accepted on 10 Nov (5000 JPY refunded); 0900's deadline of 11 Nov passed
    // with no action.
    assertThat(List.of(rows))
        .filteredOn(r -> r.startsWith("2026-11-09,"))
        .containsExactly(
            "2026-11-09,2026-11-15,0,1,0,0,1,0,0,,0,1,0,0,0,0,0.00,0.00,0.00,0,0,5000,0.00,0.00,0.00");
    // Five opened (three today, 0900 on 8 Nov, 0800 on 31 Oct), 0900 won, 0800 accepted, two
    // deadlines missed.
    assertThat(rows[rows.length - 1])
        .isEqualTo(
            "total,,5,2,1,0,1,0,0,,0,2,0,1,3,1,35.50,0.00,0.00,5000,0,5000,209.99,80.00,0.00");
    assertThat(data.opened()).isEqualTo(5);
    assertThat(data.resolved(OutcomeDetail.ACCEPTED)).isEqualTo(1);
    assertThat(data.deadlinesDue()).isEqualTo(2);
  }
}

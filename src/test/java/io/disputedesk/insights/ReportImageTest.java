package io.disputedesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.OutcomeDetail;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.slack.ReportText;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Each chart rendered headless: the size asked for, and not blank (its pixels vary, text included).
 */
class ReportImageTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");

  @Test
  void everyChartOfABusyPeriodRendersAtItsSizeAndIsNotBlank() {
    ReportData data = sample(12);
    for (ReportImage.Panel p : ReportImage.panels(data)) {
      BufferedImage image = ReportImage.draw(p.chart(), p.width(), p.height());
      assertThat(image.getWidth()).as(p.name()).isEqualTo(p.width());
      assertThat(image.getHeight()).as(p.name()).isEqualTo(p.height());
      assertNotBlank(p.name(), image);
    }
    assertThat(ReportImage.panels(data))
        .extracting(ReportImage.Panel::name)
        .containsExactly(
            "activity",
            "outcomes",
            "first-action",
            "deadlines",
            "reasons",
            "amounts-EUR",
            "amounts-JPY",
            "amounts-USD");
  }

  @Test
  void anEmptyPeriodStillRendersEveryChartWithItsAxesAndTitles() {
    ReportData empty =
        new ReportData(
            TO.minus(Duration.ofDays(14)),
            TO,
            ZONE,
            List.of(
                week(LocalDate.of(2026, 11, 9), Map.of(), Map.of(), Map.of(), List.of(), 0, 0),
                week(LocalDate.of(2026, 11, 16), Map.of(), Map.of(), Map.of(), List.of(), 0, 0)));
    for (ReportImage.Panel p : ReportImage.panels(empty)) {
      assertNotBlank(p.name(), ReportImage.draw(p.chart(), p.width(), p.height()));
    }
  }

  @Test
  void theReportPngDecodesToTheFullWidthWithTheChartsBelowTheHeader() throws IOException {
    ReportData data = sample(12);
    ReportPeriod period = ReportRange.LAST_12_WEEKS.at(TO.plus(Duration.ofHours(9)), ZONE);
    byte[] png = ReportImage.png(period, data);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    assertThat(image.getWidth()).isEqualTo(ReportImage.WIDTH);
    int lastPanelBottom =
        ReportImage.panels(data).stream().mapToInt(p -> p.y() + p.height()).max().orElseThrow();
    assertThat(image.getHeight()).isEqualTo(lastPanelBottom + ReportImage.MARGIN);
    assertNotBlank("report", image);
    Path out = Path.of(System.getProperty("buildDir", "target"), "report-sample.png");
    Files.createDirectories(out.getParent());
    Files.write(out, png);
  }

  @Test
  void theSummaryEscapesWhatPayPalSentSoItCannotMentionAnyone() {
    ReportData odd =
        new ReportData(
            TO.minus(Duration.ofDays(7)),
            TO,
            ZONE,
            List.of(
                week(
                    LocalDate.of(2026, 11, 16),
                    Map.of("OTHER", 1L),
                    Map.of(OutcomeDetail.WON, 1L),
                    Map.of("<!channel>", new ReportData.Amounts(100, 100, 0)),
                    List.of(),
                    0,
                    0)));

    String text = ReportText.text(ReportRange.LAST_30_DAYS.at(TO, ZONE), odd);

    assertThat(text).contains("Recovered 1.00 &lt;!channel&gt;").doesNotContain("<!channel>");
  }

  /**
   * Many distinct colours and a real spread of brightness: titles, axes, bars and labels were
   * drawn.
   */
  static void assertNotBlank(String name, BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    double sum = 0;
    double squares = 0;
    int n = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        double lum = 0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
        sum += lum;
        squares += lum * lum;
        n++;
      }
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    assertThat(colours.size()).as(name + ": distinct colours").isGreaterThan(20);
    assertThat(variance).as(name + ": brightness variance").isGreaterThan(100);
  }

  /** {@code weeks} weeks of made-up figures in three currencies, growing week by week. */
  static ReportData sample(int weeks) {
    List<ReportData.Week> list = new ArrayList<>();
    LocalDate first = LocalDate.of(2026, 11, 23).minusWeeks(weeks);
    for (int i = 0; i < weeks; i++) {
      long k = i + 1;
      list.add(
          week(
              first.plusWeeks(i),
              Map.of(
                  "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                  2 + k % 4,
                  "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
                  1 + k % 3,
                  "UNAUTHORISED",
                  k % 2,
                  "CREDIT_NOT_PROCESSED",
                  k % 5 == 0 ? 1L : 0L),
              Map.of(
                  OutcomeDetail.WON,
                  1 + k % 3,
                  OutcomeDetail.LOST,
                  k % 2,
                  OutcomeDetail.ACCEPTED,
                  k % 4 == 0 ? 1L : 0L,
                  OutcomeDetail.CANCELLED,
                  k % 3 == 0 ? 1L : 0L),
              Map.of(
                  "USD",
                  new ReportData.Amounts(12_500 * k, 7_000 * k, 2_999 * k),
                  "EUR",
                  new ReportData.Amounts(4_000 * k, 1_000 * k, 0),
                  "JPY",
                  new ReportData.Amounts(3_500 * (k % 3), 0, 1_200 * (k % 2))),
              List.of(Duration.ofMinutes(90 + 20 * k), Duration.ofHours(5 + k % 4)),
              2 + k % 3,
              1 + k % 3));
    }
    return new ReportData(first.atStartOfDay(ZONE).toInstant(), TO, ZONE, list);
  }

  static ReportData.Week week(
      LocalDate start,
      Map<String, Long> reasons,
      Map<OutcomeDetail, Long> outcomes,
      Map<String, ReportData.Amounts> amounts,
      List<Duration> waits,
      long due,
      long met) {
    return new ReportData.Week(
        start,
        start.atStartOfDay(ZONE).toInstant(),
        start.plusWeeks(1).atStartOfDay(ZONE).toInstant(),
        reasons,
        outcomes,
        amounts,
        waits,
        due,
        met);
  }
}

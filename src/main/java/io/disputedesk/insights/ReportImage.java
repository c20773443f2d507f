package io.disputedesk.insights;

import io.disputedesk.dispute.ReportData;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/**
 * The report as one PNG: a header with the period and the key figures, then the charts on white
 * cards: activity and outcomes per week; time to first action and deadlines met per week; then
 * reasons and one small chart per currency, so amounts in different currencies never share an axis.
 */
public final class ReportImage {
  static {
    // Before any AWT class loads: the server has no display.
    System.setProperty("java.awt.headless", "true");
  }

  public static final int WIDTH = 1200;
  static final int MARGIN = 16;
  static final int HEADER = 96;
  static final int ROW_WEEKS = 380;
  static final int ROW_DETAIL = 340;
  static final int ROW_SMALL = 320;
  static final int SMALL_COLUMNS = 3;

  /** More currencies than this are left to the CSV (the header says how many). */
  static final int MAX_CURRENCIES = 9;

  /** One chart and where it goes. */
  public record Panel(String name, JFreeChart chart, int x, int y, int width, int height) {}

  private ReportImage() {}

  /** The PNG bytes of the report. */
  public static byte[] png(ReportPeriod period, ReportData data) {
    BufferedImage image = render(period, data);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer in this Java runtime");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the report PNG", e);
    }
    return out.toByteArray();
  }

  /** The report drawn into an image {@link #WIDTH} wide. */
  public static BufferedImage render(ReportPeriod period, ReportData data) {
    List<Panel> panels = panels(data);
    int height = panels.stream().mapToInt(p -> p.y() + p.height()).max().orElse(HEADER) + MARGIN;
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setPaint(ChartStyle.CARD);
      g.fillRect(0, 0, WIDTH, height);
      header(g, period, data);
      for (Panel p : panels) {
        p.chart()
            .draw(g, new Rectangle2D.Double(p.x() + 1, p.y() + 1, p.width() - 2, p.height() - 2));
        g.setPaint(ChartStyle.BORDER);
        g.setStroke(new BasicStroke(1f));
        g.draw(new RoundRectangle2D.Double(p.x(), p.y(), p.width() - 1, p.height() - 1, 12, 12));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Every chart of the report with its place in the image. */
  public static List<Panel> panels(ReportData data) {
    List<Panel> panels = new ArrayList<>();
    int inner = WIDTH - 2 * MARGIN;
    int half = (inner - MARGIN) / 2;
    int y = MARGIN + HEADER;
    panels.add(new Panel("activity", WeeklyCharts.activity(data), MARGIN, y, half, ROW_WEEKS));
    panels.add(
        new Panel(
            "outcomes", WeeklyCharts.outcomes(data), MARGIN + half + MARGIN, y, half, ROW_WEEKS));
    y += ROW_WEEKS + MARGIN;
    panels.add(
        new Panel("first-action", WeeklyCharts.firstAction(data), MARGIN, y, half, ROW_DETAIL));
    panels.add(
        new Panel(
            "deadlines",
            WeeklyCharts.deadlines(data),
            MARGIN + half + MARGIN,
            y,
            half,
            ROW_DETAIL));
    y += ROW_DETAIL + MARGIN;
    // Reasons, then one chart per currency, three to a row.
    List<ReportData.CurrencyAmounts> currencies = data.currencies();
    if (currencies.isEmpty()) {
      currencies = List.of(new ReportData.CurrencyAmounts("USD", ReportData.Amounts.ZERO));
    }
    List<Panel> small = new ArrayList<>();
    small.add(new Panel("reasons", TotalCharts.reasons(data), 0, 0, 0, 0));
    currencies.stream()
        .limit(MAX_CURRENCIES)
        .forEach(
            c ->
                small.add(
                    new Panel("amounts-" + c.currency(), TotalCharts.amounts(c), 0, 0, 0, 0)));
    int third = (inner - 2 * MARGIN) / 3;
    for (int i = 0; i < small.size(); i++) {
      int col = i % SMALL_COLUMNS;
      int row = i / SMALL_COLUMNS;
      Panel p = small.get(i);
      panels.add(
          new Panel(
              p.name(),
              p.chart(),
              MARGIN + col * (third + MARGIN),
              y + row * (ROW_SMALL + MARGIN),
              third,
              ROW_SMALL));
    }
    return panels;
  }

  /** One chart alone, for tests and previews. */
  public static BufferedImage draw(JFreeChart chart, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void header(Graphics2D g, ReportPeriod period, ReportData data) {
    g.setPaint(ChartStyle.TEXT);
    g.setFont(ChartStyle.TITLE.deriveFont(22f));
    g.drawString("Dispute report · " + period.title(), MARGIN + 4, MARGIN + 28);
    g.setPaint(ChartStyle.MUTED);
    g.setFont(ChartStyle.SUBTITLE.deriveFont(13f));
    int hidden = Math.max(0, data.currencies().size() - MAX_CURRENCIES);
    g.drawString(
        period.dates()
            + " · "
            + period.zone().getId()
            + (hidden > 0 ? " · " + hidden + " more currencies in the CSV export" : ""),
        MARGIN + 4,
        MARGIN + 50);
    g.setPaint(ChartStyle.TEXT);
    g.setFont(ChartStyle.SUBTITLE.deriveFont(java.awt.Font.BOLD, 14f));
    g.drawString(ReportSummary.figures(data), MARGIN + 4, MARGIN + 76);
  }
}

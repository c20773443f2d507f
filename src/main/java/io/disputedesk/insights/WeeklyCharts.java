package io.disputedesk.insights;

import io.disputedesk.dispute.OutcomeDetail;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.dispute.Words;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts over the weeks of the period: activity, outcomes, first action, deadlines.
 */
final class WeeklyCharts {
  /** The outcome series, in stacking order, with their colours. */
  private static final List<OutcomeDetail> OUTCOMES =
      List.of(
          OutcomeDetail.WON,
          OutcomeDetail.CANCELLED,
          OutcomeDetail.ACCEPTED,
          OutcomeDetail.LOST,
          OutcomeDetail.OTHER);

  private static final List<Color> OUTCOME_COLOURS =
      List.of(
          ChartStyle.GREEN,
          ChartStyle.SKY,
          ChartStyle.PINK,
          ChartStyle.VERMILLION,
          ChartStyle.GREY);

  /**
   * A stacked segment smaller than this share of the tallest bar gets no number (it would not fit).
   */
  private static final double LABELLED_SHARE = 0.08;

  private WeeklyCharts() {}

  /** Disputes opened and resolved per week, side by side. */
  static JFreeChart activity(ReportData data) {
    DefaultCategoryDataset set = new DefaultCategoryDataset();
    for (ReportData.Week w : data.weeks()) {
      Labels.WeekKey week = new Labels.WeekKey(w.start());
      set.addValue(w.opened(), "Opened", week);
      set.addValue(w.resolved(), "Resolved", week);
    }
    JFreeChart chart =
        ChartStyle.bars(
            ChartFactory.createBarChart(
                "Disputes opened and resolved per week", null, "Disputes", set),
            data.opened() + " opened · " + data.resolved() + " resolved");
    BarRenderer r = renderer(chart);
    r.setSeriesPaint(0, ChartStyle.BLUE);
    r.setSeriesPaint(1, ChartStyle.ORANGE);
    r.setItemMargin(0.05);
    r.setDefaultItemLabelGenerator(Labels.counts(set));
    wholeNumbers(chart);
    return chart;
  }

  /** How the disputes resolved each week ended, stacked. */
  static JFreeChart outcomes(ReportData data) {
    DefaultCategoryDataset set = new DefaultCategoryDataset();
    List<OutcomeDetail> shown =
        OUTCOMES.stream()
            .filter(d -> d != OutcomeDetail.OTHER || data.resolved(OutcomeDetail.OTHER) > 0)
            .toList();
    long tallest = 1;
    for (ReportData.Week w : data.weeks()) {
      Labels.WeekKey week = new Labels.WeekKey(w.start());
      for (OutcomeDetail d : shown) {
        set.addValue(w.resolved(d), Words.outcome(d), week);
      }
      tallest = Math.max(tallest, w.resolved());
    }
    String subtitle =
        shown.stream()
            .map(d -> Words.outcome(d).toLowerCase(Locale.ENGLISH) + " " + data.resolved(d))
            .reduce((a, b) -> a + " · " + b)
            .orElse("");
    JFreeChart chart =
        ChartStyle.bars(
            ChartFactory.createStackedBarChart("Outcomes per week", null, "Resolved disputes", set),
            subtitle);
    BarRenderer r = renderer(chart);
    for (int i = 0; i < shown.size(); i++) {
      r.setSeriesPaint(i, OUTCOME_COLOURS.get(OUTCOMES.indexOf(shown.get(i))));
    }
    long max = tallest;
    ChartStyle.labelsInside(r);
    r.setDefaultItemLabelGenerator(
        new Labels(
            (row, col) -> {
              Number v = set.getValue(row, col);
              return v == null || v.longValue() == 0 || v.doubleValue() < max * LABELLED_SHARE
                  ? null
                  : Long.toString(v.longValue());
            }));
    wholeNumbers(chart);
    return chart;
  }

  /**
   * The median time from a dispute's creation to our first action, for the disputes opened each
   * week.
   */
  static JFreeChart firstAction(ReportData data) {
    DefaultCategoryDataset set = new DefaultCategoryDataset();
    for (ReportData.Week w : data.weeks()) {
      Duration median = w.medianFirstAction();
      set.addValue(
          median == null ? null : median.toMinutes() / 60.0,
          "Median",
          new Labels.WeekKey(w.start()));
    }
    Duration overall = data.medianFirstAction();
    String subtitle =
        overall == null
            ? "No first actions yet for the disputes opened in this period"
            : "Overall " + Words.span(overall) + " over " + data.firstActionSamples() + " disputes";
    JFreeChart chart =
        ChartStyle.bars(
            ChartFactory.createBarChart("Median time to first action", null, "Hours", set),
            subtitle);
    oneSeries(
        chart,
        ChartStyle.ORANGE,
        data,
        w -> w.medianFirstAction() == null ? null : compact(w.medianFirstAction()));
    return chart;
  }

  /** The share of seller deadlines we met each week, labelled "met of due". */
  static JFreeChart deadlines(ReportData data) {
    DefaultCategoryDataset set = new DefaultCategoryDataset();
    for (ReportData.Week w : data.weeks()) {
      set.addValue(
          w.deadlinesDue() == 0 ? null : 100.0 * w.deadlinesMet() / w.deadlinesDue(),
          "Met",
          new Labels.WeekKey(w.start()));
    }
    long due = data.deadlinesDue();
    String subtitle =
        due == 0
            ? "No deadlines fell in this period"
            : "Overall "
                + data.deadlinesMet()
                + " of "
                + due
                + " met ("
                + Math.round(100.0 * data.deadlinesMet() / due)
                + "%)";
    JFreeChart chart =
        ChartStyle.bars(
            ChartFactory.createBarChart("Deadlines met", null, "% of deadlines due", set),
            subtitle);
    oneSeries(
        chart,
        ChartStyle.GREEN,
        data,
        w -> w.deadlinesDue() == 0 ? null : w.deadlinesMet() + "/" + w.deadlinesDue());
    NumberAxis range = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
    range.setRange(0, 115);
    range.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(25));
    return chart;
  }

  /**
   * A bar's duration in its largest unit, short enough to sit on a narrow bar: {@code 2.5d}, {@code
   * 5.3h}, {@code 35m}.
   */
  static String compact(Duration d) {
    long minutes = d.toMinutes();
    if (minutes >= 24 * 60) {
      return String.format(Locale.ENGLISH, "%.1fd", minutes / (24 * 60.0));
    }
    if (minutes >= 60) {
      return String.format(Locale.ENGLISH, "%.1fh", minutes / 60.0);
    }
    return minutes + "m";
  }

  /** A chart of one series: no legend, bars in {@code colour}, each week's bar labelled. */
  private static void oneSeries(
      JFreeChart chart, Color colour, ReportData data, Function<ReportData.Week, String> label) {
    chart.removeLegend();
    BarRenderer r = renderer(chart);
    r.setSeriesPaint(0, colour);
    List<ReportData.Week> weeks = data.weeks();
    r.setDefaultItemLabelGenerator(new Labels((row, col) -> label.apply(weeks.get(col))));
  }

  private static BarRenderer renderer(JFreeChart chart) {
    return (BarRenderer) chart.getCategoryPlot().getRenderer();
  }

  private static void wholeNumbers(JFreeChart chart) {
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
  }
}

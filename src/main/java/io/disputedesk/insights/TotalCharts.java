package io.disputedesk.insights;

import io.disputedesk.dispute.ReportData;
import io.disputedesk.dispute.StoredNames;
import io.disputedesk.dispute.Words;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's charts over the whole period: disputes by reason, and amounts in one currency. */
final class TotalCharts {
  /** Reasons beyond this many are added up as "Other reasons". */
  static final int REASONS_SHOWN = 7;

  static final String DISPUTED = "Disputed";
  static final String RECOVERED = "Recovered";
  static final String REFUNDED = "Refunded";

  private TotalCharts() {}

  /** The disputes opened in the period by reason, most first. */
  static JFreeChart reasons(ReportData data) {
    DefaultCategoryDataset set = new DefaultCategoryDataset();
    List<ReportData.ReasonCount> reasons = data.reasons();
    long rest = 0;
    for (int i = 0; i < reasons.size(); i++) {
      ReportData.ReasonCount r = reasons.get(i);
      if (i < REASONS_SHOWN || reasons.size() == REASONS_SHOWN + 1) {
        set.addValue(r.count(), "Opened", reasonName(r.reason()));
      } else {
        rest += r.count();
      }
    }
    if (rest > 0) {
      set.addValue(rest, "Opened", "Other reasons (" + (reasons.size() - REASONS_SHOWN) + ")");
    }
    JFreeChart chart =
        ChartStyle.bars(
            ChartFactory.createBarChart(
                "Disputes by reason",
                null,
                "Disputes opened",
                set,
                PlotOrientation.HORIZONTAL,
                false,
                false,
                false),
            data.opened() + " opened in the period");
    BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
    r.setSeriesPaint(0, ChartStyle.BLUE);
    r.setMaximumBarWidth(0.6);
    r.setDefaultItemLabelGenerator(Labels.counts(set));
    r.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    chart
        .getCategoryPlot()
        .getDomainAxis()
        .setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.STANDARD);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
    chart
        .getCategoryPlot()
        .getRangeAxis()
        .setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return chart;
  }

  /**
   * The reason's name as every surface says it; the store's "?" (no reason given) reads as unknown.
   */
  static String reasonName(String code) {
    return Words.reason("?".equals(code) ? null : StoredNames.reason(code));
  }

  /** One currency's amounts: disputed, recovered and refunded, each labelled. */
  static JFreeChart amounts(ReportData.CurrencyAmounts currency) {
    String code = currency.currency();
    ReportData.Amounts a = currency.amounts();
    DefaultCategoryDataset set = new DefaultCategoryDataset();
    set.addValue(Labels.major(a.disputedMinor(), code), DISPUTED, code);
    set.addValue(Labels.major(a.recoveredMinor(), code), RECOVERED, code);
    set.addValue(Labels.major(a.refundedMinor(), code), REFUNDED, code);
    long[] minor = {a.disputedMinor(), a.recoveredMinor(), a.refundedMinor()};
    JFreeChart chart =
        ChartStyle.bars(ChartFactory.createBarChart("Amounts in " + code, null, code, set), null);
    BarRenderer r = (BarRenderer) chart.getCategoryPlot().getRenderer();
    r.setSeriesPaint(0, ChartStyle.BLUE);
    r.setSeriesPaint(1, ChartStyle.GREEN);
    r.setSeriesPaint(2, ChartStyle.VERMILLION);
    r.setMaximumBarWidth(0.3);
    r.setItemMargin(0.1);
    r.setDefaultItemLabelGenerator(new Labels((row, col) -> Labels.money(minor[row], code)));
    chart.getCategoryPlot().getDomainAxis().setTickLabelsVisible(false);
    return chart;
  }
}

package io.disputedesk.insights;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * How the report's charts look: a white card with dark text, which reads the same in Slack's light
 * and dark themes, and the Okabe–Ito colours, which stay apart for colour-blind readers.
 */
final class ChartStyle {
  static final Color CARD = Color.WHITE;
  static final Color TEXT = new Color(0x1D, 0x1C, 0x1D);
  static final Color MUTED = new Color(0x61, 0x60, 0x61);
  static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  static final Color BORDER = new Color(0xD0, 0xD0, 0xD0);

  static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  static final Color GREEN = new Color(0x00, 0x9E, 0x73);
  static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  static final Color PINK = new Color(0xCC, 0x79, 0xA7);
  static final Color SKY = new Color(0x56, 0xB4, 0xE9);
  static final Color GREY = new Color(0x99, 0x99, 0x99);

  static final String FAMILY = Font.SANS_SERIF;
  static final Font TITLE = new Font(FAMILY, Font.BOLD, 15);
  static final Font SUBTITLE = new Font(FAMILY, Font.PLAIN, 12);
  static final Font AXIS = new Font(FAMILY, Font.PLAIN, 12);
  static final Font TICK = new Font(FAMILY, Font.PLAIN, 11);
  static final Font LABEL = new Font(FAMILY, Font.BOLD, 11);

  /** More categories than this and their labels are turned 45°. */
  private static final int UPRIGHT_LABELS = 8;

  private ChartStyle() {}

  /** Styles a bar chart: card, fonts, grid, flat bars with no shadow, legend at the bottom. */
  static JFreeChart bars(JFreeChart chart, String subtitle) {
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setBackgroundPaint(CARD);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    chart.getTitle().setFont(TITLE);
    chart.getTitle().setPaint(TEXT);
    if (subtitle != null) {
      TextTitle sub = new TextTitle(subtitle, SUBTITLE);
      sub.setPaint(MUTED);
      chart.addSubtitle(sub);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setBackgroundPaint(CARD);
      legend.setFrame(BlockBorder.NONE);
      legend.setItemFont(TICK);
      legend.setItemPaint(TEXT);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(CARD);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setDomainGridlinesVisible(false);
    plot.setNoDataMessage("Nothing in this period");
    plot.setNoDataMessageFont(SUBTITLE);
    plot.setNoDataMessagePaint(MUTED);
    CategoryAxis domain = plot.getDomainAxis();
    domain.setTickLabelFont(TICK);
    domain.setTickLabelPaint(TEXT);
    domain.setLabelFont(AXIS);
    domain.setLabelPaint(MUTED);
    domain.setAxisLinePaint(BORDER);
    domain.setTickMarksVisible(false);
    domain.setCategoryMargin(0.15);
    if (plot.getDataset().getColumnCount() > UPRIGHT_LABELS) {
      domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    range.setTickLabelFont(TICK);
    range.setTickLabelPaint(MUTED);
    range.setLabelFont(AXIS);
    range.setLabelPaint(MUTED);
    range.setAxisLineVisible(false);
    range.setTickMarksVisible(false);
    range.setUpperMargin(0.15);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.12);
    renderer.setDefaultItemLabelFont(LABEL);
    renderer.setDefaultItemLabelPaint(TEXT);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
    renderer.setDefaultItemLabelsVisible(true);
    return chart;
  }

  /** Labels drawn inside the bar segments (stacked bars), in white on the colour. */
  static void labelsInside(BarRenderer renderer) {
    renderer.setDefaultItemLabelPaint(Color.WHITE);
    renderer.setDefaultPositiveItemLabelPosition(
        new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
  }
}

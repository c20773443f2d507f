package io.disputedesk.insights;

import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** The numbers written on the bars (none on empty bars), and the labels of weeks and amounts. */
final class Labels implements CategoryItemLabelGenerator {
  private static final DateTimeFormatter WEEK =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  /** A category key for a week: ordered by date, shown as {@code 12 Oct}. */
  record WeekKey(LocalDate start) implements Comparable<WeekKey> {
    @Override
    public int compareTo(WeekKey o) {
      return start.compareTo(o.start);
    }

    @Override
    public String toString() {
      return WEEK.format(start);
    }
  }

  /** The text for the bar at (row, column), or null for none. */
  @FunctionalInterface
  interface Text {
    String at(int row, int column);
  }

  private final Text label;

  Labels(Text label) {
    this.label = label;
  }

  /** Whole counts, none for zero. */
  static Labels counts(CategoryDataset dataset) {
    return new Labels(
        (row, col) -> {
          Number v = dataset.getValue(row, col);
          return v == null || v.longValue() == 0 ? null : Long.toString(v.longValue());
        });
  }

  @Override
  public String generateRowLabel(CategoryDataset dataset, int row) {
    return dataset.getRowKey(row).toString();
  }

  @Override
  public String generateColumnLabel(CategoryDataset dataset, int column) {
    return dataset.getColumnKey(column).toString();
  }

  @Override
  public String generateLabel(CategoryDataset dataset, int row, int column) {
    return label.at(row, column);
  }

  /** Minor units as major units with grouping: {@code 123456, USD} → {@code 1,234.56}. */
  static String money(long minor, String currency) {
    int scale = currency.length() == 3 ? Money.scaleOf(currency) : 2;
    DecimalFormat format =
        new DecimalFormat(
            scale == 0 ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    return format.format(BigDecimal.valueOf(minor, scale));
  }

  /** Minor units as a major-unit number for an axis. */
  static double major(long minor, String currency) {
    int scale = currency.length() == 3 ? Money.scaleOf(currency) : 2;
    return BigDecimal.valueOf(minor, scale).doubleValue();
  }
}

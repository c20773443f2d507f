package io.disputedesk.slack.commands;

import io.disputedesk.dispute.OutcomeDetail;
import io.disputedesk.dispute.ReportData;
import io.disputedesk.dispute.StoredNames;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's figures as CSV, one row per week and a last "total" row: the same numbers as the
 * chart of {@code /disputes report} (both read {@link ReportData}). Money in major units, one
 * column per currency and measure, one column per reason.
 */
final class WeeklyCsv {
  static final List<String> FIXED =
      List.of(
          "week_start",
          "week_end",
          "opened",
          "resolved",
          "won",
          "lost",
          "accepted",
          "cancelled",
          "other",
          "median_first_action_hours",
          "first_action_samples",
          "deadlines_due",
          "deadlines_met");
  private static final List<OutcomeDetail> OUTCOMES =
      List.of(
          OutcomeDetail.WON,
          OutcomeDetail.LOST,
          OutcomeDetail.ACCEPTED,
          OutcomeDetail.CANCELLED,
          OutcomeDetail.OTHER);

  private WeeklyCsv() {}

  static String of(ReportData data) {
    List<String> reasons =
        data.reasons().stream().map(ReportData.ReasonCount::reason).sorted().toList();
    List<String> currencies =
        data.currencies().stream().map(ReportData.CurrencyAmounts::currency).toList();
    List<String> header = new ArrayList<>(FIXED);
    reasons.forEach(
        r -> header.add("opened: " + Words.reason("?".equals(r) ? null : StoredNames.reason(r))));
    for (String c : currencies) {
      header.add("disputed " + c);
      header.add("recovered " + c);
      header.add("refunded " + c);
    }
    StringBuilder out = new StringBuilder();
    row(out, header);
    for (ReportData.Week w : data.weeks()) {
      List<String> cells = new ArrayList<>();
      cells.add(day(w.from(), data.zone()));
      cells.add(lastDay(w.from(), w.to(), data.zone()));
      cells.add(Long.toString(w.opened()));
      cells.add(Long.toString(w.resolved()));
      OUTCOMES.forEach(o -> cells.add(Long.toString(w.resolved(o))));
      cells.add(hours(w.medianFirstAction()));
      cells.add(Integer.toString(w.firstActionWaits().size()));
      cells.add(Long.toString(w.deadlinesDue()));
      cells.add(Long.toString(w.deadlinesMet()));
      reasons.forEach(r -> cells.add(Long.toString(w.openedByReason().getOrDefault(r, 0L))));
      amounts(cells, currencies, w.amounts());
      row(out, cells);
    }
    List<String> total = new ArrayList<>();
    total.add("total");
    total.add("");
    total.add(Long.toString(data.opened()));
    total.add(Long.toString(data.resolved()));
    OUTCOMES.forEach(o -> total.add(Long.toString(data.resolved(o))));
    total.add(hours(data.medianFirstAction()));
    total.add(Long.toString(data.firstActionSamples()));
    total.add(Long.toString(data.deadlinesDue()));
    total.add(Long.toString(data.deadlinesMet()));
    data.reasons().stream()
        .sorted((a, b) -> a.reason().compareTo(b.reason()))
        .forEach(r -> total.add(Long.toString(r.count())));
    Map<String, ReportData.Amounts> sums = new java.util.TreeMap<>();
    data.currencies().forEach(c -> sums.put(c.currency(), c.amounts()));
    amounts(total, currencies, sums);
    row(out, total);
    return out.toString();
  }

  private static void amounts(
      List<String> cells, List<String> currencies, Map<String, ReportData.Amounts> amounts) {
    for (String c : currencies) {
      ReportData.Amounts a = amounts.getOrDefault(c, ReportData.Amounts.ZERO);
      cells.add(money(a.disputedMinor(), c));
      cells.add(money(a.recoveredMinor(), c));
      cells.add(money(a.refundedMinor(), c));
    }
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(ExportCsv.cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String day(Instant t, ZoneId zone) {
    return t.atZone(zone).toLocalDate().toString();
  }

  /** The last day the week covers (its end is exclusive). */
  private static String lastDay(Instant from, Instant to, ZoneId zone) {
    LocalDate last = (to.isAfter(from) ? to.minusMillis(1) : to).atZone(zone).toLocalDate();
    return last.toString();
  }

  private static String hours(Duration d) {
    return d == null
        ? ""
        : BigDecimal.valueOf(d.toMillis())
            .divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP)
            .toPlainString();
  }

  private static String money(long minor, String currency) {
    int scale = currency.length() == 3 ? Money.scaleOf(currency.toUpperCase(Locale.ROOT)) : 2;
    return BigDecimal.valueOf(minor, scale).toPlainString();
  }
}

package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Disputes as CSV rows (RFC 4180): one header line, one line per dispute. Reason, status, stage and
 * outcome are the words every other surface uses (their PayPal codes follow at the end, for
 * machines); money is in major units without thousands separators, so spreadsheets read numbers.
 */
final class ExportCsv {
  static final List<String> HEADER =
      List.of(
          "Dispute",
          Words.OPENED,
          Words.REASON,
          Words.STATUS,
          Words.STAGE,
          Words.AMOUNT,
          "Currency",
          Words.RESPOND_BY,
          Words.OWNER,
          Words.OUTCOME,
          "Refunded",
          "Resolved",
          "First seen",
          "First action",
          "Account",
          "Reason code",
          "Status code",
          "Stage code",
          "Outcome code");

  private final StringBuilder out = new StringBuilder();
  private int rows;

  ExportCsv() {
    row(HEADER);
  }

  void add(DisputeLine d) {
    row(
        List.of(
            d.disputeId(),
            time(d.createTime()),
            Words.reason(d.reason()),
            Words.status(d.status()),
            Words.stage(d.stage()),
            money(d.amount()),
            d.amount() == null ? "" : d.amount().currencyCode(),
            time(d.sellerDue()),
            d.ownerUserId() == null ? Words.UNASSIGNED : d.ownerUserId(),
            d.isResolved() ? Words.outcome(d.resolution()) : "",
            money(d.refunded()),
            time(d.resolvedAt()),
            time(d.firstSeenAt()),
            time(d.firstActionAt()),
            text(d.account()),
            text(d.codes().reason()),
            text(d.codes().status()),
            text(d.codes().stage()),
            text(d.codes().outcome())));
    rows++;
  }

  int rows() {
    return rows;
  }

  String text() {
    return out.toString();
  }

  private void row(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** What a spreadsheet may read as the start of a formula (OWASP's CSV injection list). */
  private static final String FORMULA_START = "=+-@\t\r";

  /**
   * Quotes when needed; a leading = + - @ tab or CR is prefixed with ' so spreadsheets never run it
   * as a formula.
   */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && FORMULA_START.indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String time(Instant t) {
    return t == null ? "" : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String money(Money money) {
    return money == null ? "" : money.value().toPlainString();
  }
}

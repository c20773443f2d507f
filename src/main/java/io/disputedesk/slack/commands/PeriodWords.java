package io.disputedesk.slack.commands;

import io.disputedesk.insights.ReportRange;
import io.disputedesk.slack.commands.Command.Invalid;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The period words after {@code stats}, {@code export} and {@code report}, read into commands. */
final class PeriodWords {
  private static final Pattern DAYS = Pattern.compile("(\\d{1,4})d", Pattern.CASE_INSENSITIVE);
  private static final int MAX_DAYS = 366;

  private PeriodWords() {}

  /** {@code stats [7d]}: thirty days unless a period is given. */
  static Command stats(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Stats(30);
    }
    Integer days = args.size() == 1 ? days(args.get(0)) : null;
    return days == null
        ? new Invalid(
            "“"
                + CommandParser.quote(String.join(" ", args))
                + "” is not a period; use 7d, 30d or 90d.",
            Usage.STATS)
        : new Command.Stats(days);
  }

  /** {@code export [30d|all]}: thirty days unless a period or {@code all} is given. */
  static Command export(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Export(30);
    }
    if (args.size() == 1 && args.get(0).equalsIgnoreCase("all")) {
      return new Command.Export(null);
    }
    Integer days = args.size() == 1 ? days(args.get(0)) : null;
    return days == null
        ? new Invalid(
            "“"
                + CommandParser.quote(String.join(" ", args))
                + "” is not a period; use 30d, 90d or all.",
            Usage.EXPORT)
        : new Command.Export(days);
  }

  /** {@code report [90d|12w|this-quarter]}: the last 90 days unless a range is given. */
  static Command report(List<String> args) {
    if (args.isEmpty()) {
      return new Command.Report(ReportRange.LAST_90_DAYS);
    }
    Optional<ReportRange> range = args.size() == 1 ? ReportRange.of(args.get(0)) : Optional.empty();
    return range
        .<Command>map(Command.Report::new)
        .orElseGet(
            () ->
                new Invalid(
                    "“"
                        + CommandParser.quote(String.join(" ", args))
                        + "” is not a report period; use 30d, 90d, 12w or this-quarter.",
                    Usage.REPORT));
  }

  private static Integer days(String token) {
    Matcher m = DAYS.matcher(token);
    if (!m.matches()) {
      return null;
    }
    int days = Integer.parseInt(m.group(1));
    return days >= 1 && days <= MAX_DAYS ? days : null;
  }
}

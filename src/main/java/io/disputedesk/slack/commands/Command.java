package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.MinAmount;
import io.disputedesk.insights.ReportRange;
import java.time.Duration;

/** A parsed {@code /disputes} subcommand. */
public sealed interface Command {
  /** The help; {@code notUnderstood} (nullable) names what was not understood. */
  record Help(String notUnderstood) implements Command {}

  /** Input that could not be used: a one-line explanation and the usage line of the subcommand. */
  record Invalid(String explanation, String usage) implements Command {}

  /** A list; {@link DisputeView#MINE} means the caller's disputes. */
  record ListDisputes(DisputeView view, String reason, MinAmount minAmount, Duration dueWithin) implements Command {}

  record Show(String disputeId) implements Command {}

  record Assign(String disputeId, String userId) implements Command {}

  record Unassign(String disputeId) implements Command {}

  record Stats(int days) implements Command {}

  /** An export of the disputes created in the last {@code days} days, or all when null. */
  record Export(Integer days) implements Command {}

  /** The chart report of the range, as a PNG file with a short summary. */
  record Report(ReportRange range) implements Command {}

  record Sync() implements Command {}

  record DigestPreview() implements Command {}

  /** A command and whether its answer goes to the channel ({@code share}/{@code public}) instead of the caller only. */
  record Parsed(Command command, boolean share) {}
}

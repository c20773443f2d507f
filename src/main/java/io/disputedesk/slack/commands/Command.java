package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeFilter;
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

  /**
   * A list; {@link DisputeView#MINE} means the caller's disputes. {@code filter} holds every filter
   * word (reason and minimum amount are repeated in their own fields when there is only one).
   */
  record ListDisputes(
      DisputeView view,
      String reason,
      MinAmount minAmount,
      Duration dueWithin,
      DisputeFilter filter)
      implements Command {
    public ListDisputes {
      filter = filter == null ? DisputeFilter.of(view, reason, minAmount, dueWithin) : filter;
    }

    public ListDisputes(DisputeView view, String reason, MinAmount minAmount, Duration dueWithin) {
      this(view, reason, minAmount, dueWithin, null);
    }

    static ListDisputes of(DisputeFilter f) {
      return new ListDisputes(f.view(), f.singleReason(), f.singleMinimum(), f.dueWithin(), f);
    }
  }

  record Show(String disputeId) implements Command {}

  /**
   * The disputes whose id, buyer name or transaction id contains {@code text}; answered only to the
   * caller (buyer names are personal data).
   */
  record Search(String text) implements Command {}

  record Assign(String disputeId, String userId) implements Command {}

  record Unassign(String disputeId) implements Command {}

  record Stats(int days) implements Command {}

  /** An export of the disputes created in the last {@code days} days, or all when null. */
  record Export(Integer days) implements Command {}

  /** The chart report of the range, as a PNG file with a short summary. */
  record Report(ReportRange range) implements Command {}

  record Sync() implements Command {}

  record DigestPreview() implements Command {}

  /**
   * The channel follows the disputes {@code filter} matches; {@code backfill} posts the open ones
   * that need us now.
   */
  record Subscribe(DisputeFilter filter, boolean backfill) implements Command {}

  /**
   * Stops one of the channel's subscriptions ({@code filter} null: the only one), or all of them.
   */
  record Unsubscribe(DisputeFilter filter, boolean all) implements Command {}

  /** The routes that bring disputes to the channel: from the config file and from Slack. */
  record Subscriptions() implements Command {}

  /** {@code /disputes rules …}: the words after {@code rules}, read by the rules' own commands. */
  record Rules(java.util.List<String> args) implements Command {}

  /** {@code /disputes away …}: the words after {@code away}. */
  record Away(java.util.List<String> args) implements Command {}

  /**
   * A command and whether its answer goes to the channel ({@code share}/{@code public}) instead of
   * the caller only.
   */
  record Parsed(Command command, boolean share) {}
}

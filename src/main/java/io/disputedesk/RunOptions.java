package io.disputedesk;

import io.disputedesk.actions.LeaseSettings;
import io.disputedesk.slack.SenderSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Timing knobs that are not user settings: Slack pacing and retries, when the first poll runs, how
 * long shutdown waits, when a dispute is read again after an action (PayPal can take minutes to
 * show it), how many actions may wait on PayPal at once, how often a refused bot token is tried
 * again, and the lease on running actions (empty: computed from the PayPal client's worst-case
 * call). Tests shorten them; production uses {@link #defaults()}.
 */
public record RunOptions(
    SenderSettings sender,
    Duration firstPollDelay,
    Duration stopGrace,
    Duration actionFollowUp,
    int actionThreads,
    Duration slackRecheck,
    Optional<LeaseSettings> actionLease) {
  static final Duration DEFAULT_ACTION_FOLLOW_UP = Duration.ofMinutes(3);
  static final int DEFAULT_ACTION_THREADS = 8;

  /**
   * While Slack writes are paused (app uninstalled, token revoked), how often auth.test is asked
   * again.
   */
  static final Duration DEFAULT_SLACK_RECHECK = Duration.ofSeconds(30);

  public RunOptions {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(firstPollDelay, "firstPollDelay");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(actionFollowUp, "actionFollowUp");
    Objects.requireNonNull(slackRecheck, "slackRecheck");
    Objects.requireNonNull(actionLease, "actionLease");
    if (actionThreads < 1) {
      throw new IllegalArgumentException("actionThreads must be at least 1");
    }
  }

  /** With the default action follow-up, thread count and token re-check, and the computed lease. */
  public RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace) {
    this(
        sender,
        firstPollDelay,
        stopGrace,
        DEFAULT_ACTION_FOLLOW_UP,
        DEFAULT_ACTION_THREADS,
        DEFAULT_SLACK_RECHECK,
        Optional.empty());
  }

  public static RunOptions defaults() {
    return new RunOptions(SenderSettings.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public RunOptions withSender(SenderSettings s) {
    return new RunOptions(
        s, firstPollDelay, stopGrace, actionFollowUp, actionThreads, slackRecheck, actionLease);
  }

  public RunOptions withFirstPollDelay(Duration d) {
    return new RunOptions(
        sender, d, stopGrace, actionFollowUp, actionThreads, slackRecheck, actionLease);
  }

  public RunOptions withStopGrace(Duration d) {
    return new RunOptions(
        sender, firstPollDelay, d, actionFollowUp, actionThreads, slackRecheck, actionLease);
  }

  public RunOptions withActionFollowUp(Duration d) {
    return new RunOptions(
        sender, firstPollDelay, stopGrace, d, actionThreads, slackRecheck, actionLease);
  }

  public RunOptions withActionThreads(int n) {
    return new RunOptions(
        sender, firstPollDelay, stopGrace, actionFollowUp, n, slackRecheck, actionLease);
  }

  public RunOptions withSlackRecheck(Duration d) {
    return new RunOptions(
        sender, firstPollDelay, stopGrace, actionFollowUp, actionThreads, d, actionLease);
  }

  /**
   * A fixed lease on running actions instead of the one computed from the PayPal client (tests).
   */
  public RunOptions withActionLease(LeaseSettings lease) {
    return new RunOptions(
        sender,
        firstPollDelay,
        stopGrace,
        actionFollowUp,
        actionThreads,
        slackRecheck,
        Optional.of(lease));
  }
}

package io.disputedesk;

import io.disputedesk.slack.SenderSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs that are not user settings: Slack pacing and retries, when the first poll runs, how
 * long shutdown waits, when a dispute is read again after an action (PayPal can take minutes to
 * show it) and how many actions may wait on PayPal at once. Tests shorten them; production uses
 * {@link #defaults()}.
 */
public record RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace,
    Duration actionFollowUp, int actionThreads, Duration slackRecheck) {
  static final Duration DEFAULT_ACTION_FOLLOW_UP = Duration.ofMinutes(3);
  static final int DEFAULT_ACTION_THREADS = 8;
  /** While Slack writes are paused (app uninstalled, token revoked), how often auth.test is asked again. */
  static final Duration DEFAULT_SLACK_RECHECK = Duration.ofSeconds(30);

  public RunOptions {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(firstPollDelay, "firstPollDelay");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(actionFollowUp, "actionFollowUp");
    Objects.requireNonNull(slackRecheck, "slackRecheck");
    if (actionThreads < 1) {
      throw new IllegalArgumentException("actionThreads must be at least 1");
    }
  }

  /** With the default action follow-up and thread count. */
  public RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace) {
    this(sender, firstPollDelay, stopGrace, DEFAULT_ACTION_FOLLOW_UP, DEFAULT_ACTION_THREADS, DEFAULT_SLACK_RECHECK);
  }

  public static RunOptions defaults() {
    return new RunOptions(SenderSettings.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public RunOptions withSender(SenderSettings s) {
    return new RunOptions(s, firstPollDelay, stopGrace, actionFollowUp, actionThreads, slackRecheck);
  }

  public RunOptions withFirstPollDelay(Duration d) {
    return new RunOptions(sender, d, stopGrace, actionFollowUp, actionThreads, slackRecheck);
  }

  public RunOptions withStopGrace(Duration d) {
    return new RunOptions(sender, firstPollDelay, d, actionFollowUp, actionThreads, slackRecheck);
  }

  public RunOptions withActionFollowUp(Duration d) {
    return new RunOptions(sender, firstPollDelay, stopGrace, d, actionThreads, slackRecheck);
  }

  public RunOptions withActionThreads(int n) {
    return new RunOptions(sender, firstPollDelay, stopGrace, actionFollowUp, n, slackRecheck);
  }

  public RunOptions withSlackRecheck(Duration d) {
    return new RunOptions(sender, firstPollDelay, stopGrace, actionFollowUp, actionThreads, d);
  }
}

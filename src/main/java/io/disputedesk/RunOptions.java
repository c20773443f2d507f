package io.disputedesk;

import io.disputedesk.actions.LeaseSettings;
import io.disputedesk.slack.SenderSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Timing knobs that are not user settings: Slack pacing and retries, when the first poll runs, how
 * long shutdown waits, when a dispute is read again after an action (PayPal can take minutes to
 * show it), how many actions may wait on PayPal at once, and the lease on running actions (empty:
 * computed from the PayPal client's worst-case call). Tests shorten them; production uses
 * {@link #defaults()}.
 */
public record RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace,
    Duration actionFollowUp, int actionThreads, Optional<LeaseSettings> actionLease) {
  static final Duration DEFAULT_ACTION_FOLLOW_UP = Duration.ofMinutes(3);
  static final int DEFAULT_ACTION_THREADS = 8;

  public RunOptions {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(firstPollDelay, "firstPollDelay");
    Objects.requireNonNull(stopGrace, "stopGrace");
    Objects.requireNonNull(actionFollowUp, "actionFollowUp");
    if (actionThreads < 1) {
      throw new IllegalArgumentException("actionThreads must be at least 1");
    }
    Objects.requireNonNull(actionLease, "actionLease");
  }

  /** With the lease computed from the PayPal client. */
  public RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace, Duration actionFollowUp,
      int actionThreads) {
    this(sender, firstPollDelay, stopGrace, actionFollowUp, actionThreads, Optional.empty());
  }

  /** With the default action follow-up and thread count. */
  public RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace) {
    this(sender, firstPollDelay, stopGrace, DEFAULT_ACTION_FOLLOW_UP, DEFAULT_ACTION_THREADS);
  }

  public static RunOptions defaults() {
    return new RunOptions(SenderSettings.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public RunOptions withSender(SenderSettings s) {
    return new RunOptions(s, firstPollDelay, stopGrace, actionFollowUp, actionThreads, actionLease);
  }

  public RunOptions withFirstPollDelay(Duration d) {
    return new RunOptions(sender, d, stopGrace, actionFollowUp, actionThreads, actionLease);
  }

  public RunOptions withStopGrace(Duration d) {
    return new RunOptions(sender, firstPollDelay, d, actionFollowUp, actionThreads, actionLease);
  }

  public RunOptions withActionFollowUp(Duration d) {
    return new RunOptions(sender, firstPollDelay, stopGrace, d, actionThreads, actionLease);
  }

  public RunOptions withActionThreads(int n) {
    return new RunOptions(sender, firstPollDelay, stopGrace, actionFollowUp, n, actionLease);
  }

  /** A fixed lease on running actions instead of the one computed from the PayPal client (tests). */
  public RunOptions withActionLease(LeaseSettings lease) {
    return new RunOptions(sender, firstPollDelay, stopGrace, actionFollowUp, actionThreads, Optional.of(lease));
  }
}

package io.disputedesk;

import io.disputedesk.slack.OutboxSender;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs that are not user settings: Slack pacing and retries, when the first poll runs, and
 * how long shutdown waits. Tests shorten them; production uses {@link #defaults()}.
 */
public record RunOptions(OutboxSender.Settings sender, Duration firstPollDelay, Duration stopGrace) {
  public RunOptions {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(firstPollDelay, "firstPollDelay");
    Objects.requireNonNull(stopGrace, "stopGrace");
  }

  public static RunOptions defaults() {
    return new RunOptions(OutboxSender.Settings.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public RunOptions withSender(OutboxSender.Settings s) {
    return new RunOptions(s, firstPollDelay, stopGrace);
  }

  public RunOptions withFirstPollDelay(Duration d) {
    return new RunOptions(sender, d, stopGrace);
  }

  public RunOptions withStopGrace(Duration d) {
    return new RunOptions(sender, firstPollDelay, d);
  }
}

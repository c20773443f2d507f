package io.disputedesk;

import io.disputedesk.slack.SenderSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing knobs that are not user settings: Slack pacing and retries, when the first poll runs, and
 * how long shutdown waits. Tests shorten them; production uses {@link #defaults()}.
 */
public record RunOptions(SenderSettings sender, Duration firstPollDelay, Duration stopGrace) {
  public RunOptions {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(firstPollDelay, "firstPollDelay");
    Objects.requireNonNull(stopGrace, "stopGrace");
  }

  public static RunOptions defaults() {
    return new RunOptions(SenderSettings.defaults(), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  public RunOptions withSender(SenderSettings s) {
    return new RunOptions(s, firstPollDelay, stopGrace);
  }

  public RunOptions withFirstPollDelay(Duration d) {
    return new RunOptions(sender, d, stopGrace);
  }

  public RunOptions withStopGrace(Duration d) {
    return new RunOptions(sender, firstPollDelay, d);
  }
}

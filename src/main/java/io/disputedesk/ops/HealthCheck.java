package io.disputedesk.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Decides whether the bot is healthy: the database answers, a poll succeeded recently (within three
 * poll intervals, or the bot is still starting), and Slack accepted the bot token.
 */
public final class HealthCheck {
  private final BooleanSupplier databaseOk;
  private final Supplier<Optional<Instant>> lastPollSuccess;
  private final Supplier<Optional<String>> lastPollError;
  private final Supplier<SlackStatus> slack;
  private final Supplier<Long> changesMissedByWebhooks;
  private final Supplier<Backlog> backlog;
  private final Duration pollInterval;
  private final Clock clock;
  private final Instant startedAt;

  /** The last known result of Slack's auth.test for the bot token. */
  public record SlackStatus(boolean ok, String detail) {}

  /** One health report; {@code healthy} decides 200 or 503. */
  public record Report(
      boolean healthy,
      boolean databaseOk,
      Optional<Instant> lastPollSuccess,
      Optional<Long> pollAgeSeconds,
      boolean pollOk,
      Optional<String> lastPollError,
      SlackStatus slack,
      long changesMissedByWebhooks,
      Backlog backlog) {}

  public HealthCheck(
      BooleanSupplier databaseOk,
      Supplier<Optional<Instant>> lastPollSuccess,
      Supplier<Optional<String>> lastPollError,
      Supplier<SlackStatus> slack,
      Supplier<Long> changesMissedByWebhooks,
      Duration pollInterval,
      Clock clock) {
    this(
        databaseOk,
        lastPollSuccess,
        lastPollError,
        slack,
        changesMissedByWebhooks,
        Backlog::none,
        pollInterval,
        clock);
  }

  /**
   * {@code backlog} is reported, not judged: set-aside disputes and failed writes leave the bot
   * healthy.
   */
  public HealthCheck(
      BooleanSupplier databaseOk,
      Supplier<Optional<Instant>> lastPollSuccess,
      Supplier<Optional<String>> lastPollError,
      Supplier<SlackStatus> slack,
      Supplier<Long> changesMissedByWebhooks,
      Supplier<Backlog> backlog,
      Duration pollInterval,
      Clock clock) {
    this.databaseOk = databaseOk;
    this.lastPollSuccess = lastPollSuccess;
    this.lastPollError = lastPollError;
    this.slack = slack;
    this.changesMissedByWebhooks = changesMissedByWebhooks;
    this.backlog = backlog;
    this.pollInterval = pollInterval;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  public Report check() {
    Instant now = clock.instant();
    boolean db = safely(databaseOk);
    Optional<Instant> last = db ? lastPollSuccess.get() : Optional.empty();
    Duration allowed = pollInterval.multipliedBy(3).plusSeconds(30);
    Optional<Long> age = last.map(t -> Duration.between(t, now).toSeconds());
    boolean pollOk =
        last.map(t -> Duration.between(t, now).compareTo(allowed) <= 0)
            .orElse(Duration.between(startedAt, now).compareTo(allowed) <= 0);
    SlackStatus s = slack.get();
    return new Report(
        db && pollOk && s.ok(),
        db,
        last,
        age,
        pollOk,
        db ? lastPollError.get() : Optional.empty(),
        s,
        db ? changesMissedByWebhooks.get() : 0L,
        db ? backlog.get() : Backlog.none());
  }

  private static boolean safely(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}

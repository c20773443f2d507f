package io.disputedesk.slack;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.disputedesk.dispute.Words;
import io.disputedesk.ops.HealthCheck.SlackStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Slack accepts the bot token, for the health check and the outbox. When Slack says the app
 * was uninstalled or its tokens revoked (an event, or a write refused with an auth error), Slack
 * writes pause and health turns red with the reason; while paused, auth.test is asked again every
 * {@code recheckEvery}, and the first success resumes the writes.
 */
public final class SlackAuthMonitor implements SlackWriteGate {
  private static final Logger log = LoggerFactory.getLogger(SlackAuthMonitor.class);
  static final Duration DEFAULT_RECHECK = Duration.ofSeconds(30);
  private static final Duration HEALTH_RECHECK = Duration.ofSeconds(60);

  /** Why writes are paused and since when. */
  private record Pause(String reason, Instant since) {}

  private final MethodsClient methods;
  private final Clock clock;
  private final Duration recheckEvery;
  private final AtomicReference<SlackStatus> last =
      new AtomicReference<>(new SlackStatus(false, "not checked yet"));
  private final AtomicReference<Instant> checkedAt = new AtomicReference<>();
  private final AtomicReference<Pause> pause = new AtomicReference<>();

  /** {@code methods}: the Web API client with the bot token whose acceptance is watched. */
  public SlackAuthMonitor(MethodsClient methods) {
    this(methods, Clock.systemUTC(), DEFAULT_RECHECK);
  }

  public SlackAuthMonitor(MethodsClient methods, Clock clock, Duration recheckEvery) {
    this.methods = methods;
    this.clock = clock;
    this.recheckEvery = recheckEvery;
  }

  /**
   * Calls auth.test now and records the result; a success ends a pause, an auth error starts one.
   */
  public SlackStatus check() {
    SlackStatus status;
    String authError = null;
    try {
      AuthTestResponse r = methods.authTest(req -> req);
      status =
          r.isOk()
              ? new SlackStatus(true, "authenticated as " + r.getUser() + " in " + r.getTeam())
              : new SlackStatus(false, r.getError());
      authError = r.isOk() || !SlackException.isAuthError(r.getError()) ? null : r.getError();
    } catch (Exception e) {
      status = new SlackStatus(false, "Slack unreachable: " + e.getClass().getSimpleName());
    }
    checkedAt.set(clock.instant());
    SlackStatus previous = last.getAndSet(status);
    if (!status.ok() && (previous.ok() || !previous.detail().equals(status.detail()))) {
      log.warn("Slack auth check failed: {}", status.detail());
    }
    if (status.ok()) {
      resume();
    } else if (authError != null) {
      pause("Slack refused the bot token (" + authError + ")");
    }
    return status;
  }

  public SlackStatus last() {
    return last.get();
  }

  /**
   * For the health endpoint: while writes are paused, why (no call to Slack: the outbox re-checks);
   * otherwise the last auth.test result, checked again when older than a minute.
   */
  public SlackStatus current() {
    Pause p = pause.get();
    if (p != null) {
      return paused(p);
    }
    Instant at = checkedAt.get();
    if (at == null || at.plus(HEALTH_RECHECK).isBefore(clock.instant())) {
      SlackStatus status = check();
      Pause now = pause.get();
      return now == null ? status : paused(now);
    }
    return last.get();
  }

  /**
   * Listens for {@code app_uninstalled} and {@code tokens_revoked} on {@code app}: the path for
   * Socket Mode; over HTTP {@link BoltHandler} sees them before Bolt does.
   */
  public void listen(App app) {
    app.event(
        AppUninstalledEvent.class,
        (req, ctx) -> {
          revoked(AppUninstalledEvent.TYPE_NAME);
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (req, ctx) -> {
          revoked(TokensRevokedEvent.TYPE_NAME);
          return ctx.ack();
        });
  }

  /**
   * Slack sent {@code app_uninstalled} or {@code tokens_revoked}: pause writes until the token
   * works again.
   */
  public void revoked(String event) {
    // The first re-check waits a full period: right after the event, auth.test may still pass.
    checkedAt.set(clock.instant());
    pause("Slack sent " + event);
  }

  @Override
  public boolean writesPaused() {
    return pause.get() != null;
  }

  @Override
  public void recheckWhilePaused() {
    if (pause.get() == null) {
      return;
    }
    Instant at = checkedAt.get();
    if (at == null || !at.plus(recheckEvery).isAfter(clock.instant())) {
      check();
    }
  }

  @Override
  public boolean refused(String error) {
    checkedAt.set(clock.instant());
    pause("Slack refused the bot token (" + error + ")");
    return true;
  }

  private void pause(String reason) {
    Pause p = new Pause(reason, clock.instant());
    if (pause.compareAndSet(null, p)) {
      log.warn(
          "{}: Slack writes paused and kept in the outbox; auth.test is asked again every {} s",
          reason,
          recheckEvery.toMillis() / 1000.0);
    }
  }

  private void resume() {
    Pause p = pause.getAndSet(null);
    if (p != null) {
      log.info(
          "Slack accepts the bot token again; resuming Slack writes paused since {} ({})",
          Words.utc(p.since()),
          p.reason());
    }
  }

  private static SlackStatus paused(Pause p) {
    return new SlackStatus(
        false,
        p.reason()
            + " at "
            + Words.utc(p.since())
            + "; Slack writes are paused and kept in the outbox until the bot token works again"
            + " (reinstall the app or update SLACK_BOT_TOKEN)");
  }
}

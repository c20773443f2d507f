package io.disputedesk.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import io.disputedesk.ops.HealthCheck.SlackStatus;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Remembers whether Slack last accepted the bot token (auth.test), for the health check. */
public final class SlackAuthMonitor {
  private static final Logger log = LoggerFactory.getLogger(SlackAuthMonitor.class);

  private final Slack slack;
  private final String botToken;
  private final AtomicReference<SlackStatus> last =
      new AtomicReference<>(new SlackStatus(false, "not checked yet"));
  private final AtomicReference<java.time.Instant> checkedAt = new AtomicReference<>();

  public SlackAuthMonitor(Slack slack, String botToken) {
    this.slack = slack;
    this.botToken = botToken;
  }

  /** Calls auth.test now and records the result. */
  public SlackStatus check() {
    SlackStatus status;
    try {
      AuthTestResponse r = slack.methods(botToken).authTest(req -> req);
      status = r.isOk() ? new SlackStatus(true, "authenticated as " + r.getUser() + " in " + r.getTeam())
          : new SlackStatus(false, r.getError());
    } catch (Exception e) {
      status = new SlackStatus(false, "Slack unreachable: " + e.getClass().getSimpleName());
    }
    SlackStatus previous = last.getAndSet(status);
    if (!status.ok() && (previous.ok() || !previous.detail().equals(status.detail()))) {
      log.warn("Slack auth check failed: {}", status.detail());
    }
    return status;
  }

  public SlackStatus last() {
    return last.get();
  }

  /** The last result, checked again when older than a minute (for the health endpoint). */
  public SlackStatus current() {
    java.time.Instant now = java.time.Instant.now();
    java.time.Instant at = checkedAt.get();
    if (at == null || at.plusSeconds(60).isBefore(now)) {
      checkedAt.set(now);
      return check();
    }
    return last.get();
  }
}

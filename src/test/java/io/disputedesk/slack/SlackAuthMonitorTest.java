package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackAuthMonitorTest {
  @Test
  void thePauseReasonSaysWhenInWordsAPersonReads() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T11:38:12.123456789Z"), ZoneOffset.UTC);
    // Nothing is asked of Slack while paused: the address answers nothing.
    SlackAuthMonitor monitor =
        new SlackAuthMonitor(
            SlackApps.newSlack("http://127.0.0.1:9/api/").methods("xoxb-test"),
            clock,
            Duration.ofSeconds(30));

    monitor.revoked("tokens_revoked");

    assertThat(monitor.writesPaused()).isTrue();
    assertThat(monitor.current().ok()).isFalse();
    assertThat(monitor.current().detail())
        .isEqualTo(
            "Slack sent tokens_revoked at Thu 3 Dec 2026 11:38 UTC;"
                + " Slack writes are paused and kept in the outbox until the bot token works again"
                + " (reinstall the app or update SLACK_BOT_TOKEN)");
  }
}

package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.config.Roles;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.slack.SlackGroupDirectory.Timings;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * User-group memberships against the local Slack's usergroups.users.list, on a hand-moved clock.
 */
class SlackGroupDirectoryTest {
  private static final String LIST = "usergroups.users.list";
  private static final Timings TIMINGS = Timings.defaults();

  private final LocalSlack slack = LocalSlack.start();
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final Slack client = SlackApps.newSlack(slack.apiUrl());
  private final SlackGroupDirectory groups =
      new SlackGroupDirectory(
          client.methods(slack.botToken()),
          clock,
          Executors.newSingleThreadScheduledExecutor(),
          TIMINGS);
  private final Permissions permissions =
      new Permissions(new Roles(List.of("S0FINANCE"), List.of()), groups);

  @AfterEach
  void stop() throws Exception {
    groups.close();
    client.close();
    slack.close();
  }

  @Test
  void lookupsAnswerFromMemoryWithoutCallingSlack() {
    slack.addUserGroup("S0FINANCE", "finance", List.of("U0CAROL"));
    groups.start(List.of("S0FINANCE", "U0ALICE"), Duration.ofSeconds(5));
    assertThat(slack.calls(LIST)).hasSize(1);

    for (int i = 0; i < 50; i++) {
      assertThat(permissions.has("U0CAROL", Role.APPROVER)).isTrue();
      assertThat(permissions.has("U0DAVE", Role.APPROVER)).isFalse();
    }
    clock.advance(TIMINGS.refreshEvery().minusSeconds(1));
    assertThat(permissions.has("U0CAROL", Role.APPROVER)).isTrue();
    assertThat(slack.calls(LIST)).as("one read at start, none per lookup").hasSize(1);
  }

  @Test
  void removedMemberLosesTheGroupsRightsAtTheNextBackgroundRead() {
    slack.addUserGroup("S0FINANCE", "finance", List.of("U0CAROL", "U0ERIN"));
    groups.start(List.of("S0FINANCE"), Duration.ofSeconds(5));
    slack.addUserGroup("S0FINANCE", "finance", List.of("U0ERIN"));

    clock.advance(TIMINGS.refreshEvery().plusSeconds(1));
    assertThat(permissions.has("U0CAROL", Role.APPROVER))
        .as("still trusted while the read runs")
        .isTrue();

    Await.until("Carol's removal is read", () -> !permissions.has("U0CAROL", Role.APPROVER));
    assertThat(permissions.has("U0ERIN", Role.APPROVER)).isTrue();
    assertThat(slack.calls(LIST)).hasSize(2);
  }

  @Test
  void failingReadsKeepMembersOnlyUntilTheTrustRunsOut() {
    slack.addUserGroup("S0FINANCE", "finance", List.of("U0CAROL"));
    groups.start(List.of("S0FINANCE"), Duration.ofSeconds(5));
    slack.failNext(LIST, 1000, Fault.serverError());

    clock.advance(TIMINGS.refreshEvery().plusSeconds(1));
    assertThat(permissions.has("U0CAROL", Role.APPROVER))
        .as("a Slack hiccup locks no one out")
        .isTrue();
    Await.until("the failed read", () -> slack.calls(LIST).size() == 2);
    for (int i = 0; i < 50; i++) {
      permissions.has("U0CAROL", Role.APPROVER);
    }

    clock.advance(TIMINGS.trustFor());
    assertThat(permissions.has("U0CAROL", Role.APPROVER))
        .as("past the trust, Slack still failing")
        .isFalse();
    // A lookup asks for a read once the previous one has finished and the retry pause has passed.
    Await.until(
        "the retry",
        () -> !permissions.has("U0CAROL", Role.APPROVER) && slack.calls(LIST).size() == 3);
    for (int i = 0; i < 50; i++) {
      assertThat(permissions.has("U0CAROL", Role.APPROVER)).isFalse();
    }
    assertThat(slack.calls(LIST))
        .as("failed reads are retried at most every " + TIMINGS.retryAfter())
        .hasSize(3);

    slack.clearFaults();
    clock.advance(TIMINGS.retryAfter());
    Await.until(
        "rights return once Slack answers", () -> permissions.has("U0CAROL", Role.APPROVER));
  }

  @Test
  void groupNeverReadGrantsNothingUntilItsFirstRead() {
    slack.addUserGroup("S0FINANCE", "finance", List.of("U0CAROL"));
    slack.failNext(LIST, 1, Fault.serverError());
    groups.start(List.of("S0FINANCE"), Duration.ofSeconds(5));
    assertThat(slack.calls(LIST)).hasSize(1);

    assertThat(permissions.has("U0CAROL", Role.APPROVER))
        .as("fail closed before any read succeeded")
        .isFalse();
    clock.advance(TIMINGS.retryAfter());
    assertThat(permissions.has("U0CAROL", Role.APPROVER))
        .as("the lookup that starts the read answers without it")
        .isFalse();
    Await.until("the first successful read", () -> permissions.has("U0CAROL", Role.APPROVER));
    assertThat(slack.calls(LIST)).hasSize(2);
  }

  @Test
  void authMonitorReportsAcceptedAndRejectedTokens() {
    assertThat(new SlackAuthMonitor(client.methods(slack.botToken())).check().ok()).isTrue();
    SlackAuthMonitor bad = new SlackAuthMonitor(client.methods("xoxb-wrong"));
    assertThat(bad.check().ok()).isFalse();
    assertThat(bad.last().detail()).isEqualTo("invalid_auth");
  }
}

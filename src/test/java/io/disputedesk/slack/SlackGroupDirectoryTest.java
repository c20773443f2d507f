package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.config.Roles;
import io.disputedesk.sim.MutableClock;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.LocalSlack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackGroupDirectoryTest {
  private final LocalSlack slack = LocalSlack.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final Slack client = SlackApps.newSlack(slack.apiUrl());

  @AfterEach
  void stop() {
    slack.close();
  }

  @Test
  void groupMembersHoldTheGroupsRoleAndAreCached() {
    slack.addUserGroup("S0FINANCE", "finance", List.of("U0CAROL"));
    SlackGroupDirectory groups = new SlackGroupDirectory(client, slack.botToken(), clock);
    Permissions permissions = new Permissions(new Roles(List.of("S0FINANCE"), List.of()), groups);
    assertThat(permissions.has("U0CAROL", Role.APPROVER)).isTrue();
    assertThat(permissions.has("U0DAVE", Role.APPROVER)).isFalse();
    assertThat(slack.calls("usergroups.users.list")).hasSize(1);

    clock.advance(Duration.ofMinutes(6));
    slack.failNext("usergroups.users.list", 1, Fault.serverError());
    assertThat(permissions.has("U0CAROL", Role.APPROVER)).as("last known members survive a Slack error").isTrue();
  }

  @Test
  void authMonitorReportsAcceptedAndRejectedTokens() {
    assertThat(new SlackAuthMonitor(client, slack.botToken()).check().ok()).isTrue();
    SlackAuthMonitor bad = new SlackAuthMonitor(client, "xoxb-wrong");
    assertThat(bad.check().ok()).isFalse();
    assertThat(bad.last().detail()).isEqualTo("invalid_auth");
  }
}

package io.disputedesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.config.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  private final GroupDirectory groups =
      id -> Map.of("S0FINANCE", Set.of("U0CAROL")).getOrDefault(id, Set.of());

  @Test
  void approversAreAlsoAgentsButNotTheOtherWayRound() {
    Permissions p = new Permissions(new Roles(List.of("U0ALICE"), List.of("U0BOB")), groups);
    assertThat(p.has("U0ALICE", Role.APPROVER)).isTrue();
    assertThat(p.has("U0ALICE", Role.AGENT)).isTrue();
    assertThat(p.has("U0BOB", Role.AGENT)).isTrue();
    assertThat(p.has("U0BOB", Role.APPROVER)).isFalse();
    assertThat(p.has("U0MALLORY", Role.AGENT)).isFalse();
    assertThat(p.has(null, Role.AGENT)).isFalse();
  }

  @Test
  void userGroupMembersHoldTheGroupsRole() {
    Permissions p = new Permissions(new Roles(List.of("S0FINANCE"), List.of()), groups);
    assertThat(p.has("U0CAROL", Role.APPROVER)).isTrue();
    assertThat(p.has("U0DAVE", Role.APPROVER)).isFalse();
  }

  @Test
  void emptyRoleListsExplainHowToConfigureThem() {
    Permissions p = new Permissions(new Roles(List.of(), List.of()), groups);
    assertThat(p.isConfigured(Role.APPROVER)).isFalse();
    assertThat(p.isConfigured(Role.AGENT)).isFalse();
    assertThat(p.howToGrant(Role.APPROVER)).contains("APPROVERS", "U…", "S…");
    Permissions some = new Permissions(new Roles(List.of("U0ALICE"), List.of()), groups);
    assertThat(some.isConfigured(Role.AGENT)).isTrue();
    assertThat(some.howToGrant(Role.APPROVER)).contains("Ask an admin");
  }

  @Test
  void viewersMaySeeButNotActAndEveryAgentOrApproverIsAViewer() {
    Permissions p =
        new Permissions(
            new Roles(List.of("U0ALICE"), List.of("U0BOB"), List.of("U0VERA", "S0FINANCE")),
            groups);
    assertThat(p.has("U0VERA", Role.VIEWER)).isTrue();
    assertThat(p.has("U0CAROL", Role.VIEWER)).as("through a user group").isTrue();
    assertThat(p.has("U0VERA", Role.AGENT)).isFalse();
    assertThat(p.has("U0VERA", Role.APPROVER)).isFalse();
    assertThat(p.has("U0BOB", Role.VIEWER)).isTrue();
    assertThat(p.has("U0ALICE", Role.VIEWER)).isTrue();
    assertThat(p.has("U0MALLORY", Role.VIEWER)).isFalse();
    assertThat(p.howToGrant(Role.VIEWER))
        .isEqualTo(
            "Ask an admin to add you (or a user group you are in) to VIEWERS (or AGENTS or APPROVERS).");
  }

  @Test
  void emptyViewersMeansOnlyAgentsAndApproversMaySee() {
    Permissions p = new Permissions(new Roles(List.of(), List.of("U0BOB")), groups);
    assertThat(p.isConfigured(Role.VIEWER)).isTrue();
    assertThat(p.has("U0BOB", Role.VIEWER)).isTrue();
    assertThat(p.has("U0CAROL", Role.VIEWER)).isFalse();
    Permissions none = new Permissions(new Roles(List.of(), List.of()), groups);
    assertThat(none.isConfigured(Role.VIEWER)).isFalse();
    assertThat(none.howToGrant(Role.VIEWER))
        .startsWith("No one has this permission yet: an admin must set VIEWERS");
  }
}

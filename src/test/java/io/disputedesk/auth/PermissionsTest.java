package io.disputedesk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.config.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  private final GroupDirectory groups = id -> Map.of("S0FINANCE", Set.of("U0CAROL")).getOrDefault(id, Set.of());

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
}

package io.disputedesk.config;

import java.util.List;

/** Who may do what: Slack user ids ({@code U…}/{@code W…}) or user-group ids ({@code S…}). */
public record Roles(List<String> approvers, List<String> agents) {
  public Roles {
    approvers = List.copyOf(approvers);
    agents = List.copyOf(agents);
  }
}

package io.disputedesk.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what: Slack user ids ({@code U…}/{@code W…}) or user-group ids ({@code S…}). {@code
 * viewers} may only see disputes; agents and approvers see them too.
 */
public record Roles(List<String> approvers, List<String> agents, List<String> viewers) {
  public Roles {
    approvers = List.copyOf(approvers);
    agents = List.copyOf(agents);
    viewers = List.copyOf(viewers);
  }

  /** Approvers and agents, no viewers-only list. */
  public Roles(List<String> approvers, List<String> agents) {
    this(approvers, agents, List.of());
  }

  /** Every id in every role, user groups included. */
  public List<String> all() {
    List<String> ids = new ArrayList<>(approvers);
    ids.addAll(agents);
    ids.addAll(viewers);
    return ids;
  }
}

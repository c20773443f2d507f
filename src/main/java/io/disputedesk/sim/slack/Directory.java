package io.disputedesk.sim.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who is in the local workspace: users, user groups, channel names and direct-message channels. */
final class Directory {
  /** A user group ({@code S…} id) and its members. */
  record UserGroup(String id, String handle, List<String> users) {}

  private final Map<String, SlackUser> users = new LinkedHashMap<>();
  private final Map<String, UserGroup> groups = new LinkedHashMap<>();
  private final Map<String, String> channelNames = new LinkedHashMap<>();

  /**
   * The built-in directory: the people and channel of {@code payloads/}, a bot and one user group.
   */
  static Directory withDefaults(Workspace workspace) {
    Directory d = new Directory();
    d.addUser(SlackUser.person("U0A1B2C3E", "alice", "Alice Archer"));
    d.addUser(SlackUser.person("U0A1B2C3M", "bob", "Bob Brennan"));
    d.addUser(SlackUser.person("U0A1B2C3N", "carol", "Carol Chen"));
    d.addUser(
        new SlackUser(
            workspace.botUserId(), workspace.botName(), "Dispute Desk", null, "UTC", true));
    d.addGroup(new UserGroup("S0A1B2C3P", "disputes-team", List.of("U0A1B2C3E", "U0A1B2C3M")));
    d.addChannel("C0A1B2C3F", "disputes");
    return d;
  }

  synchronized void addUser(SlackUser user) {
    users.put(user.id(), user);
  }

  synchronized Optional<SlackUser> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  synchronized List<SlackUser> users() {
    return List.copyOf(users.values());
  }

  synchronized void addGroup(UserGroup group) {
    groups.put(group.id(), new UserGroup(group.id(), group.handle(), List.copyOf(group.users())));
  }

  synchronized Optional<UserGroup> group(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  synchronized void addChannel(String id, String name) {
    channelNames.put(id, name);
  }

  synchronized Map<String, String> channelNames() {
    return Map.copyOf(channelNames);
  }

  /** The direct-message channel with one user: a stable {@code D…} id derived from the user id. */
  static String dmChannel(String userId) {
    return "D" + userId.substring(1);
  }

  /** The group direct-message channel of several users, stable for the same set. */
  static String groupDmChannel(List<String> userIds) {
    return String.format("G%08X", userIds.stream().sorted().toList().hashCode());
  }
}

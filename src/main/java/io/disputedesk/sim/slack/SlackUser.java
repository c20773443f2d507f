package io.disputedesk.sim.slack;

/** A member of the local workspace directory. */
public record SlackUser(
    String id, String name, String realName, String email, String tz, boolean isBot) {
  public static SlackUser person(String id, String name, String realName) {
    return new SlackUser(id, name, realName, name + "@example.com", "Europe/Berlin", false);
  }
}

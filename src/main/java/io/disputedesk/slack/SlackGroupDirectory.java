package io.disputedesk.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import io.disputedesk.auth.GroupDirectory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-group members from Slack ({@code usergroups.users.list}), cached for a few minutes so a
 * permission check rarely waits on Slack. When Slack cannot be read, the last known members are
 * used (or none, which denies).
 */
public final class SlackGroupDirectory implements GroupDirectory {
  private static final Logger log = LoggerFactory.getLogger(SlackGroupDirectory.class);

  private record Entry(Set<String> members, Instant fetchedAt) {}

  private final MethodsClient client;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public SlackGroupDirectory(MethodsClient client, Clock clock, Duration ttl) {
    this.client = client;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public Set<String> members(String groupId) {
    Instant now = clock.instant();
    Entry cached = cache.get(groupId);
    if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))) {
      return cached.members();
    }
    try {
      UsergroupsUsersListResponse response = client.usergroupsUsersList(r -> r.usergroup(groupId));
      if (response.isOk() && response.getUsers() != null) {
        Set<String> members = Set.copyOf(response.getUsers());
        cache.put(groupId, new Entry(members, now));
        return members;
      }
      log.warn("Slack would not list user group {}: {}", groupId, response.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("Could not read user group {} from Slack: {}", groupId, e.getMessage());
    }
    return cached == null ? Set.of() : cached.members();
  }
}

package io.disputedesk.slack;

import com.slack.api.Slack;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import io.disputedesk.auth.GroupDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** User-group members from Slack (usergroups.users.list), cached for a few minutes. */
public final class SlackGroupDirectory implements GroupDirectory {
  private static final Logger log = LoggerFactory.getLogger(SlackGroupDirectory.class);
  private static final Duration TTL = Duration.ofMinutes(5);

  private record Entry(Set<String> members, Instant fetchedAt) {}

  private final Slack slack;
  private final String botToken;
  private final Clock clock;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public SlackGroupDirectory(Slack slack, String botToken, Clock clock) {
    this.slack = slack;
    this.botToken = botToken;
    this.clock = clock;
  }

  @Override
  public Set<String> members(String groupId) {
    Instant now = clock.instant();
    Entry cached = cache.get(groupId);
    if (cached != null && cached.fetchedAt().plus(TTL).isAfter(now)) {
      return cached.members();
    }
    try {
      UsergroupsUsersListResponse r = slack.methods(botToken).usergroupsUsersList(req -> req.usergroup(groupId));
      if (r.isOk() && r.getUsers() != null) {
        Set<String> members = Set.copyOf(r.getUsers());
        cache.put(groupId, new Entry(members, now));
        return members;
      }
      log.warn("Cannot read members of user group {}: {}", groupId, r.getError());
    } catch (Exception e) {
      log.warn("Cannot read members of user group {}: {}", groupId, e.getClass().getSimpleName());
    }
    // Keep serving the last known members rather than locking everyone out on a Slack hiccup.
    return cached != null ? cached.members() : Set.of();
  }
}

package io.disputedesk.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import io.disputedesk.auth.GroupDirectory;
import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.concurrent.Workload;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-group members from Slack ({@code usergroups.users.list}), read in the background only:
 * {@link #members} answers from memory, so a click's permission check never waits on Slack. The
 * groups are read at start and every {@link Timings#refreshEvery}; a lookup of a group whose last
 * read is older than that also asks for a read (at most one at a time per group, and after a
 * failure not again before {@link Timings#retryAfter}). Members are trusted for at most {@link
 * Timings#trustFor} after the last successful read: past that, or before the first one, the group
 * grants nothing (fail closed), so someone removed from a group loses its rights within that time
 * even while Slack cannot be read.
 */
public final class SlackGroupDirectory implements GroupDirectory, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackGroupDirectory.class);

  /**
   * How often groups are re-read, how long a read membership is trusted, how soon a failed read is
   * retried.
   */
  public record Timings(Duration refreshEvery, Duration trustFor, Duration retryAfter) {
    public static Timings defaults() {
      return new Timings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(20));
    }
  }

  private record Entry(Set<String> members, Instant readAt) {}

  private final MethodsClient methods;
  private final Clock clock;
  private final ScheduledExecutorService reader;
  private final Timings timings;
  private final Map<String, Entry> known = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastAttempt = new ConcurrentHashMap<>();
  private final Set<String> reading = ConcurrentHashMap.newKeySet();

  /**
   * {@code methods}: the bot's Web API client; {@code reader} runs the reads and is shut down by
   * {@link #close}.
   */
  public SlackGroupDirectory(
      MethodsClient methods, Clock clock, ScheduledExecutorService reader, Timings timings) {
    this.methods = methods;
    this.clock = clock;
    this.reader = reader;
    this.timings = timings;
  }

  /** A directory with its own reader thread, each read counted in {@code work} while it runs. */
  public static SlackGroupDirectory create(MethodsClient methods, Clock clock, Workload work) {
    return new SlackGroupDirectory(
        methods,
        clock,
        BoundedExecutors.scheduled("dd-user-groups", StartGate.OPEN, work),
        Timings.defaults());
  }

  /**
   * Reads the groups now, waiting at most {@code wait} so that the first clicks after a start find
   * their members, then re-reads them every {@link Timings#refreshEvery} in the background.
   */
  public void start(Collection<String> groupIds, Duration wait) {
    List<String> groups = groupIds.stream().filter(id -> id.startsWith("S")).distinct().toList();
    if (groups.isEmpty()) {
      return;
    }
    Future<?> first = reader.submit(() -> groups.forEach(this::read));
    try {
      first.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "User groups not read within {}; their members get their rights once Slack answers",
          wait);
    } catch (ExecutionException e) {
      log.warn("Reading user groups failed: {}", e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long every = timings.refreshEvery().toMillis();
    reader.scheduleWithFixedDelay(
        () -> groups.forEach(this::read), every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public Set<String> members(String groupId) {
    Instant now = clock.instant();
    Entry entry = known.get(groupId);
    if (entry == null || !now.isBefore(entry.readAt().plus(timings.refreshEvery()))) {
      readLater(groupId, now);
    }
    if (entry == null || !now.isBefore(entry.readAt().plus(timings.trustFor()))) {
      return Set.of();
    }
    return entry.members();
  }

  private void readLater(String groupId, Instant now) {
    Instant tried = lastAttempt.get(groupId);
    if (tried != null && now.isBefore(tried.plus(timings.retryAfter()))) {
      return;
    }
    if (!reading.add(groupId)) {
      return;
    }
    lastAttempt.put(groupId, now);
    try {
      reader.execute(
          () -> {
            try {
              read(groupId);
            } finally {
              reading.remove(groupId);
            }
          });
    } catch (RejectedExecutionException e) {
      reading.remove(groupId);
    }
  }

  /** One read of the group; on success its members are trusted from now. */
  private void read(String groupId) {
    Instant started = clock.instant();
    lastAttempt.put(groupId, started);
    try {
      UsergroupsUsersListResponse r = methods.usergroupsUsersList(req -> req.usergroup(groupId));
      if (r.isOk() && r.getUsers() != null) {
        known.put(groupId, new Entry(Set.copyOf(r.getUsers()), started));
        return;
      }
      log.warn("Cannot read members of user group {}: {}", groupId, r.getError());
    } catch (Exception e) {
      log.warn("Cannot read members of user group {}: {}", groupId, e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }
}

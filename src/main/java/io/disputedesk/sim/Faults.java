package io.disputedesk.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Queued failures per operation ("*" matches any) or per operation on one dispute, spoilt details
 * per dispute, the hang flag and the action delay.
 */
final class Faults {
  static final String ANY = "*";

  private final Map<String, Deque<SimError>> queued = new HashMap<>();
  private final Map<String, Deque<DetailsFault>> spoilt = new HashMap<>();
  private final Map<String, Integer> hangs = new HashMap<>();
  private volatile Duration actionDelay = Duration.ZERO;
  private final Map<String, Duration> delays = new HashMap<>();

  synchronized void failNext(String operation, int status, int times) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 4xx or 5xx");
    }
    for (int i = 0; i < times; i++) {
      queued
          .computeIfAbsent(operation, k -> new ArrayDeque<>())
          .add(SimError.forStatus(status, issueFor(status)));
    }
  }

  /** The next {@code times} calls to the operation on this one dispute answer the status. */
  synchronized void failNextFor(String operation, String disputeId, int status, int times) {
    failNext(forDispute(operation, disputeId), status, times);
  }

  /** The next {@code times} details reads of this dispute answer 200 with a spoilt body. */
  synchronized void spoilDetails(String disputeId, DetailsFault fault, int times) {
    for (int i = 0; i < times; i++) {
      spoilt.computeIfAbsent(disputeId, k -> new ArrayDeque<>()).add(fault);
    }
  }

  /** The next spoilt answer queued for this dispute's details, removing it. */
  synchronized Optional<DetailsFault> takeSpoilt(String disputeId) {
    Deque<DetailsFault> q = spoilt.get(disputeId);
    return q == null || q.isEmpty() ? Optional.empty() : Optional.of(q.poll());
  }

  /**
   * The next call answers 422 with this issue about this request field (a JSON pointer, or null).
   */
  synchronized void refuseNext(String operation, String issue, String field) {
    queued
        .computeIfAbsent(operation, k -> new ArrayDeque<>())
        .add(
            SimError.unprocessable(
                field, null, issue, "The requested action could not be performed: " + issue + "."));
  }

  synchronized void rateLimitNext(String operation, int times, int retryAfterSeconds) {
    for (int i = 0; i < times; i++) {
      queued
          .computeIfAbsent(operation, k -> new ArrayDeque<>())
          .add(
              SimError.forStatus(429, "RATE_LIMIT_REACHED")
                  .withHeader("Retry-After", String.valueOf(retryAfterSeconds)));
    }
  }

  synchronized void hangNext(String operation) {
    hangs.merge(operation, 1, Integer::sum);
  }

  void delayActions(Duration delay) {
    actionDelay = delay;
  }

  Duration actionDelay() {
    return actionDelay;
  }

  /** Every call to the operation waits this long before it is answered (zero: no wait). */
  synchronized void delay(String operation, Duration delay) {
    delays.put(operation, delay);
  }

  synchronized Duration delayOf(String operation) {
    return delays.getOrDefault(operation, Duration.ZERO);
  }

  synchronized void clear() {
    queued.clear();
    spoilt.clear();
    hangs.clear();
    delays.clear();
    actionDelay = Duration.ZERO;
  }

  /** The next queued error for this operation (on this dispute first, if any), removing it. */
  synchronized Optional<SimError> takeError(String operation, String disputeId) {
    String one = disputeId == null ? operation : forDispute(operation, disputeId);
    for (String key : new String[] {one, operation, ANY}) {
      Deque<SimError> q = queued.get(key);
      if (q != null && !q.isEmpty()) {
        return Optional.of(q.poll());
      }
    }
    return Optional.empty();
  }

  /** True once per hangNext call for this operation. */
  synchronized boolean takeHang(String operation) {
    for (String key : new String[] {operation, ANY}) {
      Integer n = hangs.get(key);
      if (n != null && n > 0) {
        hangs.put(key, n - 1);
        return true;
      }
    }
    return false;
  }

  private static String forDispute(String operation, String disputeId) {
    return operation + " " + disputeId;
  }

  private static String issueFor(int status) {
    return switch (status) {
      case 500 -> "INTERNAL_SERVICE_ERROR";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> SimError.nameFor(status);
    };
  }
}

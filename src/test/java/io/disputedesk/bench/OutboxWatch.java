package io.disputedesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the bot's outbox table from the benchmark (read-only, its own connection) and records
 * when each CARD row was claimed: a claim sets {@code claimed_until} to the claim's time plus the
 * lease, which is cleared again when the row is sent, so one sighting of a claimed row gives the
 * exact claim time. Rows claimed and sent between two looks are not seen (they were fast).
 */
final class OutboxWatch implements AutoCloseable {
  private final Map<Long, Instant> claimedAt = new ConcurrentHashMap<>();
  private final Map<Long, Instant> sendingSeen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean stop;

  private OutboxWatch(String jdbcUrl, Duration lease, Duration every) {
    thread =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT id, status, claimed_until FROM slack_outbox"
                            + " WHERE status IN ('PENDING', 'SENDING') AND kind = 'CARD'"
                            + " AND claimed_until IS NOT NULL")) {
                  while (!stop) {
                    look(ps, lease);
                    Thread.sleep(every.toMillis());
                  }
                }
              } catch (SQLException e) {
                System.out.println("outbox watch stopped: " + e.getMessage());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-outbox-watch");
    thread.setDaemon(true);
  }

  /** Starts watching the SQLite database at {@code jdbcUrl}, looking every {@code every}. */
  static OutboxWatch start(String jdbcUrl, Duration lease, Duration every) {
    OutboxWatch watch = new OutboxWatch(jdbcUrl, lease, every);
    watch.thread.start();
    return watch;
  }

  private void look(PreparedStatement ps, Duration lease) throws SQLException {
    Instant now = Instant.now();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong(1);
        claimedAt.putIfAbsent(id, Instant.ofEpochMilli(rs.getLong(3)).minus(lease));
        if ("SENDING".equals(rs.getString(2))) {
          sendingSeen.putIfAbsent(id, now);
        }
      }
    }
  }

  /** When the row was claimed (its last claim seen first), or null when never seen claimed. */
  Instant claimedAt(long id) {
    return claimedAt.get(id);
  }

  /** When the row was first seen SENDING, or null. */
  Instant sendingSeen(long id) {
    return sendingSeen.get(id);
  }

  int seen() {
    return claimedAt.size();
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(2000);
  }
}

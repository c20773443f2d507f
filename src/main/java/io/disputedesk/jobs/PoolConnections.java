package io.disputedesk.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz connections from the app's pool. The pool belongs to the app's database, so Quartz's
 * shutdown only lets go of it (Quartz keeps providers registered for the JVM's life).
 */
final class PoolConnections implements ConnectionProvider {
  private final AtomicReference<DataSource> pool;

  PoolConnections(DataSource pool) {
    this.pool = new AtomicReference<>(pool);
  }

  @Override
  public Connection getConnection() throws SQLException {
    DataSource ds = pool.get();
    if (ds == null) {
      throw new SQLException("The scheduler has been shut down");
    }
    return ds.getConnection();
  }

  @Override
  public void shutdown() {
    pool.set(null);
  }

  @Override
  public void initialize() {
    // The pool is already running.
  }
}

package io.disputedesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Builds the connection pool for a JDBC URL. */
final class Pools {
  private static final int SQLITE_POOL_SIZE = 4;
  private static final int POSTGRES_POOL_SIZE = 8;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private Pools() {}

  static HikariDataSource create(Vendor vendor, String jdbcUrl) throws IOException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("dispute-desk-db");
    if (vendor == Vendor.SQLITE) {
      createParentFolder(jdbcUrl);
      config.setDataSource(sqlite(jdbcUrl));
      config.setMaximumPoolSize(SQLITE_POOL_SIZE);
      config.setMinimumIdle(1);
    } else {
      config.setJdbcUrl(jdbcUrl);
      config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
    }
    return new HikariDataSource(config);
  }

  /**
   * Pragmas applied to every connection; IMMEDIATE makes each transaction take the write lock up
   * front.
   */
  private static SQLiteDataSource sqlite(String jdbcUrl) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    // A deferred transaction that reads then writes can fail with SQLITE_BUSY without waiting
    // when another writer got in between; taking the lock at BEGIN lets busy_timeout queue writers.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(jdbcUrl);
    return ds;
  }

  private static void createParentFolder(String jdbcUrl) throws IOException {
    String path = jdbcUrl.substring(Vendor.SQLITE.urlPrefix().length());
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isEmpty() || path.startsWith(":")) {
      return;
    }
    Path parent = Path.of(path).toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}

package io.disputedesk.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The application's database: a connection pool with the schema migrated, and transactions. */
public final class Database implements AutoCloseable {
  private static final int PING_TIMEOUT_SECONDS = 2;

  private final HikariDataSource dataSource;
  private final Vendor vendor;
  private final Clock clock;
  private final UrlSecrets secrets;

  /** The connection of the transaction running on this thread, which nested calls join. */
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  /** What to run once the transaction running on this thread has committed. */
  private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

  private Database(HikariDataSource dataSource, Vendor vendor, Clock clock, UrlSecrets secrets) {
    this.dataSource = dataSource;
    this.vendor = vendor;
    this.clock = clock;
    this.secrets = secrets;
  }

  /**
   * Opens a pool for a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL and migrates the schema
   * (skipped when the bundled migrations are the ones the last migrate ran; see {@link
   * Migrations}).
   */
  public static Database open(String jdbcUrl, Clock clock) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(clock, "clock");
    UrlSecrets secrets = UrlSecrets.of(jdbcUrl);
    Vendor vendor =
        Vendor.of(jdbcUrl)
            .orElseThrow(
                () ->
                    new StoreException(
                        "Unsupported database URL "
                            + secrets.redactedUrl()
                            + " (expected jdbc:sqlite:… or jdbc:postgresql:…)"));
    HikariDataSource dataSource = null;
    try {
      dataSource = Pools.create(vendor, jdbcUrl);
      Migrations.apply(dataSource, vendor, vendor.migrationLocation(), clock);
      return new Database(dataSource, vendor, clock, secrets);
    } catch (RuntimeException | IOException | SQLException e) {
      if (dataSource != null) {
        dataSource.close();
      }
      throw openFailure(secrets, e);
    }
  }

  private static StoreException openFailure(UrlSecrets secrets, Exception e) {
    String message =
        "Cannot open database " + secrets.redactedUrl() + ": " + secrets.scrub(rootMessage(e));
    // Drivers may echo the URL in their own messages; keep such a cause out of logs entirely.
    return secrets.leaksInto(e) ? new StoreException(message) : new StoreException(message, e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + root.getMessage() + ")";
  }

  /**
   * Runs one write (UPDATE, INSERT or DELETE) in a transaction (joining the caller's); true when it
   * changed exactly one row.
   */
  public boolean updateOne(String sql, Jdbc.Binder binder) {
    return update(sql, binder) == 1;
  }

  /**
   * Runs one write (UPDATE, INSERT or DELETE) in a transaction (joining the caller's); returns how
   * many rows it changed.
   */
  public int update(String sql, Jdbc.Binder binder) {
    return inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Runs one SELECT (in the transaction running on this thread, if any) and reads every row of its
   * result with {@code row}.
   */
  public <T> List<T> list(String sql, Jdbc.Binder binder, Jdbc.RowReader<T> row) {
    return read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return Jdbc.list(ps, row);
          }
        });
  }

  /**
   * Runs one SELECT (in the transaction running on this thread, if any) and reads the first row of
   * its result with {@code row}; empty when there is none.
   */
  public <T> Optional<T> first(String sql, Jdbc.Binder binder, Jdbc.RowReader<T> row) {
    return read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws. Called
   * inside another transaction on the same thread, it joins that one (a second SQLite write
   * transaction would only wait for the first).
   */
  public <T> T inTransaction(TxWork<T> work) {
    Connection joined = current.get();
    if (joined != null) {
      try {
        return work.run(joined);
      } catch (SQLException e) {
        throw failure("Database transaction failed", e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      try {
        // On SQLite this issues BEGIN IMMEDIATE (see Pools).
        c.setAutoCommit(false);
      } catch (SQLException e) {
        dataSource.evictConnection(c);
        throw e;
      }
      T result;
      List<Runnable> committed = new ArrayList<>();
      current.set(c);
      afterCommit.set(committed);
      try {
        result = work.run(c);
      } catch (Throwable t) {
        rollback(c, t);
        throw t;
      } finally {
        current.remove();
        afterCommit.remove();
      }
      try {
        // Commits. sqlite-jdbc's commit() would also open the next IMMEDIATE transaction at once
        // and so hold the write lock while the connection idles in the pool.
        c.setAutoCommit(true);
      } catch (SQLException e) {
        dataSource.evictConnection(c);
        throw e;
      }
      committed.forEach(Runnable::run);
      return result;
    } catch (SQLException e) {
      throw failure("Database transaction failed", e);
    }
  }

  private void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      cause.addSuppressed(e);
      // A connection whose transaction state is unknown must not go back to the pool.
      dataSource.evictConnection(c);
    }
  }

  /**
   * Runs {@code hook} once the transaction running on this thread has committed (never if it rolls
   * back), or at once when none is running: e.g. waking a reader of what the transaction writes,
   * which would otherwise look before the rows are there.
   */
  public void afterCommit(Runnable hook) {
    List<Runnable> hooks = afterCommit.get();
    if (hooks == null) {
      hook.run();
    } else {
      hooks.add(hook);
    }
  }

  /** Runs store calls (of any stores on this database) as one transaction. */
  public <T> T atomically(Supplier<T> work) {
    return inTransaction(c -> work.get());
  }

  /**
   * Runs read-only work on a connection in auto-commit mode, or inside the transaction running on
   * this thread, whose uncommitted writes it then sees.
   */
  public <T> T read(ConnWork<T> work) {
    Connection joined = current.get();
    if (joined != null) {
      try {
        return work.run(joined);
      } catch (SQLException e) {
        throw failure("Database read failed", e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure("Database read failed", e);
    }
  }

  private StoreException failure(String what, SQLException e) {
    String message = what + ": " + secrets.scrub(e.getMessage());
    return secrets.leaksInto(e) ? new StoreException(message) : new StoreException(message, e);
  }

  public boolean isPostgres() {
    return vendor == Vendor.POSTGRESQL;
  }

  /**
   * The connection pool, for a library that runs its own SQL on the same database (Quartz's
   * clustered job store). Closing the database closes it.
   */
  public DataSource dataSource() {
    return dataSource;
  }

  public Clock clock() {
    return clock;
  }

  /** True when a connection can be had and answers. */
  public boolean ping() {
    try {
      return read(c -> c.isValid(PING_TIMEOUT_SECONDS));
    } catch (StoreException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

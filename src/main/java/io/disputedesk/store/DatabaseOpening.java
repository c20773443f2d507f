package io.disputedesk.store;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database being opened (pool, migrations) on a thread of its own, so a start can build what
 * does not need it meanwhile.
 */
public final class DatabaseOpening implements AutoCloseable {
  private final CompletableFuture<Database> database = new CompletableFuture<>();

  private DatabaseOpening() {}

  /** Starts opening the database at {@code jdbcUrl} (see {@link Database#open}). */
  public static DatabaseOpening start(String jdbcUrl, Clock clock) {
    DatabaseOpening opening = new DatabaseOpening();
    Thread thread =
        new Thread(
            () -> {
              try {
                opening.database.complete(Database.open(jdbcUrl, clock));
              } catch (Throwable t) {
                opening.database.completeExceptionally(t);
              }
            },
            "dd-database-open");
    thread.setDaemon(true);
    thread.start();
    return opening;
  }

  /** Waits for the database; throws what opening it threw. */
  public Database await() {
    try {
      return database.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Closes the database once it is open; one that failed to open has nothing to close. */
  @Override
  public void close() {
    database.thenAccept(Database::close).exceptionally(t -> null).join();
  }
}

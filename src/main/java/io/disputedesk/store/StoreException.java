package io.disputedesk.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A database operation failed; the message never carries credentials. */
public class StoreException extends RuntimeException {
  private static final String PG_UNIQUE_VIOLATION = "23505";

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when a unique or primary-key constraint rejected the write (SQLite or PostgreSQL). */
  public boolean isUniqueViolation() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLiteException e) {
        SQLiteErrorCode code = e.getResultCode();
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
            || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
          return true;
        }
      } else if (t instanceof SQLException e && PG_UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

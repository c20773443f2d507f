package io.disputedesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Read-only work on a pooled connection in auto-commit mode. */
@FunctionalInterface
public interface ConnWork<T> {
  T run(Connection connection) throws SQLException;
}

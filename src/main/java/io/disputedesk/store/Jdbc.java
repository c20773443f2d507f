package io.disputedesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collections;

/** Binding and reading nullable values; instants are stored as epoch milliseconds. */
public final class Jdbc {
  private Jdbc() {}

  /** Sets a prepared statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  public static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    setLong(ps, index, value == null ? null : value.toEpochMilli());
  }

  public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  public static void setString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  public static Instant getInstant(ResultSet rs, String column) throws SQLException {
    Long millis = getLong(rs, column);
    return millis == null ? null : Instant.ofEpochMilli(millis);
  }

  public static Long getLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** {@code ?, ?, ?} for an IN list of n values. */
  public static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}

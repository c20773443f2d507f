package io.disputedesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Binding and reading nullable values; instants are stored as epoch milliseconds. */
public final class Jdbc {
  private Jdbc() {}

  /** Sets a prepared statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads one row of a result into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Binds {@code values} as strings from index 1, in order. */
  public static Binder strings(String... values) {
    return ps -> {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
    };
  }

  /** Runs the query and reads every row of its result with {@code row}, in order. */
  public static <T> List<T> list(PreparedStatement ps, RowReader<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row.read(rs));
      }
    }
    return out;
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

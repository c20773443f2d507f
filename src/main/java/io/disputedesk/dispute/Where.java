package io.disputedesk.dispute;

import io.disputedesk.store.Jdbc;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from conditions, with its parameters bound in order. */
final class Where {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> params = new ArrayList<>();

  Where and(String condition, Object... values) {
    conditions.add(condition);
    params.addAll(List.of(values));
    return this;
  }

  List<Object> params() {
    return List.copyOf(params);
  }

  /** The conditions joined with AND, in parentheses; {@code 1 = 1} when there are none. */
  String conditions() {
    return conditions.isEmpty() ? "1 = 1" : "(" + String.join(" AND ", conditions) + ")";
  }

  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the parameters from index {@code first}; returns the next free index. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    return bind(ps, first, params);
  }

  /**
   * Binds values (instants, longs, ints, strings) from index {@code first}; returns the next free
   * index.
   */
  static int bind(PreparedStatement ps, int first, List<Object> values) throws SQLException {
    int i = first;
    for (Object p : values) {
      if (p instanceof Instant instant) {
        Jdbc.setInstant(ps, i++, instant);
      } else if (p instanceof Long l) {
        ps.setLong(i++, l);
      } else if (p instanceof Integer n) {
        ps.setInt(i++, n);
      } else {
        ps.setString(i++, (String) p);
      }
    }
    return i;
  }
}

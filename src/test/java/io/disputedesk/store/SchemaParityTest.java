package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both migration folders build the same tables, columns and indexes (Quartz's tables aside). */
@OnPostgres
class SchemaParityTest {
  private static final Set<String> HOUSEKEEPING = Set.of("flyway_schema_history");

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-20T10:00:00Z"));

  @Test
  void bothDatabasesHaveTheSameColumnsWithMatchingTypesAndNullability(TestDatabase postgres) {
    try (Database sqlite = TestDatabases.open(dir, clock);
        Database pg = postgres.open(clock)) {
      Map<String, String> sqliteColumns = sqlite.read(SchemaParityTest::columns);
      Map<String, String> pgColumns = pg.read(SchemaParityTest::columns);

      assertThat(sqliteColumns).hasSizeGreaterThan(80);
      assertThat(differences(pgColumns, sqliteColumns))
          .as("PostgreSQL vs SQLite columns")
          .isEmpty();
    }
  }

  @Test
  void bothDatabasesHaveTheSameNamedIndexes(TestDatabase postgres) {
    try (Database sqlite = TestDatabases.open(dir, clock);
        Database pg = postgres.open(clock)) {
      Set<String> sqliteIndexes = sqlite.read(SchemaParityTest::namedIndexes);
      Set<String> pgIndexes = pg.read(SchemaParityTest::namedIndexes);

      assertThat(sqliteIndexes)
          .contains("actions.actions_one_open (unique)", "slack_outbox.slack_outbox_due");
      assertThat(pgIndexes).isEqualTo(sqliteIndexes);
    }
  }

  private static Set<String> differences(Map<String, String> a, Map<String, String> b) {
    Set<String> out = new TreeSet<>();
    for (String key : union(a.keySet(), b.keySet())) {
      if (!String.valueOf(a.get(key)).equals(String.valueOf(b.get(key)))) {
        out.add(key + ": " + a.get(key) + " vs " + b.get(key));
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * "table.column" → "integer|text null|not null" for the app's tables. Primary-key columns count
   * as not null: SQLite reports a TEXT primary key as nullable, but no store ever writes a null
   * key.
   */
  private static Map<String, String> columns(Connection c) throws SQLException {
    Map<String, String> columns = new TreeMap<>();
    DatabaseMetaData meta = c.getMetaData();
    for (String table : appTables(c)) {
      Set<String> primaryKey = new TreeSet<>();
      try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), table)) {
        while (rs.next()) {
          primaryKey.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
      }
      try (ResultSet rs = meta.getColumns(null, c.getSchema(), table, "%")) {
        while (rs.next()) {
          String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
          String family = type.contains("int") ? "integer" : type.contains("text") ? "text" : type;
          String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
          boolean notNull = "NO".equals(rs.getString("IS_NULLABLE")) || primaryKey.contains(column);
          columns.put(table + "." + column, family + (notNull ? " not null" : " null"));
        }
      }
    }
    return columns;
  }

  /**
   * Indexes created by name in the migrations (not the ones behind PRIMARY KEY or UNIQUE columns).
   */
  private static Set<String> namedIndexes(Connection c) throws SQLException {
    Set<String> indexes = new TreeSet<>();
    for (String table : appTables(c)) {
      try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), table, false, false)) {
        while (rs.next()) {
          String name = rs.getString("INDEX_NAME");
          if (name == null) {
            continue;
          }
          name = name.toLowerCase(Locale.ROOT);
          if (name.startsWith("sqlite_autoindex")
              || name.endsWith("_pkey")
              || name.endsWith("_key")) {
            continue;
          }
          indexes.add(table + "." + name + (rs.getBoolean("NON_UNIQUE") ? "" : " (unique)"));
        }
      }
    }
    return indexes;
  }

  private static Set<String> appTables(Connection c) throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (ResultSet rs =
        c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!name.startsWith("qrtz_")
            && !HOUSEKEEPING.contains(name)
            && !name.startsWith("sqlite_")) {
          tables.add(name);
        }
      }
    }
    return tables;
  }
}

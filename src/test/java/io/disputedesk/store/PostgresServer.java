package io.disputedesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the tests use, probed once per test run: 127.0.0.1:5432 as user {@code
 * postgres}, or the admin URL in {@code DISPUTEDESK_TEST_POSTGRES}. It hands out throwaway
 * databases named {@code dd_test_…}.
 */
final class PostgresServer {
  static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresServer.class);

  private final String adminUrl;
  private final Optional<String> unreachable;
  private final boolean ci;

  private PostgresServer(String adminUrl, Optional<String> unreachable, boolean ci) {
    this.adminUrl = adminUrl;
    this.unreachable = unreachable;
    this.ci = ci;
  }

  /** The server for this test run (probed on first use). */
  static PostgresServer of(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            PostgresServer.class, k -> probe(System.getenv()), PostgresServer.class);
  }

  static PostgresServer probe(Map<String, String> env) {
    String url = env.getOrDefault("DISPUTEDESK_TEST_POSTGRES", DEFAULT_ADMIN_URL);
    boolean ci = env.get("CI") != null && !env.get("CI").isBlank();
    try (Connection c = DriverManager.getConnection(withParam(url, "connectTimeout=3"))) {
      c.isValid(3);
      return new PostgresServer(url, Optional.empty(), ci);
    } catch (SQLException e) {
      return new PostgresServer(url, Optional.of(e.getMessage()), ci);
    }
  }

  /** Why the server cannot be used, when it cannot. */
  Optional<String> unreachable() {
    return unreachable;
  }

  /** True when tests needing PostgreSQL are to be skipped rather than failed. */
  boolean skip() {
    return unreachable.isPresent() && !ci;
  }

  String skipReason() {
    return "PostgreSQL is not reachable at "
        + UrlSecrets.of(adminUrl).redactedUrl()
        + " ("
        + unreachable.orElse("reachable")
        + "); skipping the PostgreSQL run. Start it with"
        + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`; with CI set"
        + " this is a failure.";
  }

  /** Fails with the reason when the server cannot be used (only reached when not skipped). */
  void requireReachable() {
    unreachable.ifPresent(
        reason -> {
          throw new IllegalStateException(
              "PostgreSQL is required (CI is set) but not reachable at "
                  + UrlSecrets.of(adminUrl).redactedUrl()
                  + ": "
                  + reason);
        });
  }

  /** Creates an empty database and returns its name. */
  String createDatabase() {
    requireReachable();
    String name = "dd_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(adminUrl, "CREATE DATABASE " + name);
    return name;
  }

  /** Drops the database, ending any connection a test left open. */
  void dropDatabase(String name) {
    execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** Creates a schema in the database. */
  void createSchema(String database, String schema) {
    execute(url(database), "CREATE SCHEMA " + schema);
  }

  /** The JDBC URL of a database on this server, with the admin URL's user and settings. */
  String url(String database) {
    Matcher m = URL.matcher(adminUrl);
    if (!m.matches()) {
      throw new IllegalStateException(
          "Not a jdbc:postgresql://host/db URL: " + UrlSecrets.of(adminUrl).redactedUrl());
    }
    return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
  }

  static String withParam(String url, String param) {
    return url + (url.contains("?") ? "&" : "?") + param;
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
    }
  }
}

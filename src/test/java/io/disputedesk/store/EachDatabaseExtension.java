package io.disputedesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs an {@link EachDatabase} test on SQLite and on PostgreSQL. PostgreSQL runs of one test class
 * share a throwaway database (dropped after the class) and each gets a fresh schema in it.
 */
final class EachDatabaseExtension implements TestTemplateInvocationContextProvider {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EachDatabaseExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return true;
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    return Stream.of(new Invocation(false), new Invocation(true));
  }

  private record Invocation(boolean postgres) implements TestTemplateInvocationContext {
    @Override
    public String getDisplayName(int invocationIndex) {
      return postgres ? "postgresql" : "sqlite";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Target(postgres));
    }
  }

  /** Skips the PostgreSQL run without a server, and hands the run's database to the test. */
  private record Target(boolean postgres) implements ExecutionCondition, ParameterResolver {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (postgres && context.getTestMethod().isPresent()) {
        PostgresServer server = PostgresServer.of(context);
        if (server.skip()) {
          return ConditionEvaluationResult.disabled(server.skipReason());
        }
      }
      return ConditionEvaluationResult.enabled("runs on " + (postgres ? "postgresql" : "sqlite"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      // One database per run, shared by the @BeforeEach methods and the test itself.
      return context
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(
              TestDatabase.class,
              k -> postgres ? postgresSchema(context) : SqliteFile.create(),
              TestDatabase.class);
    }

    private static TestDatabase postgresSchema(ExtensionContext context) {
      PostgresServer server = PostgresServer.of(context);
      server.requireReachable();
      ClassDatabase shared =
          classContext(context)
              .getStore(NAMESPACE)
              .getOrComputeIfAbsent(
                  ClassDatabase.class,
                  k -> new ClassDatabase(server, server.createDatabase()),
                  ClassDatabase.class);
      return shared.newSchema();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
      ExtensionContext c = context;
      while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
        c = c.getParent().get();
      }
      return c;
    }
  }

  /** A test class's PostgreSQL database, dropped when the class is done. */
  private static final class ClassDatabase implements ExtensionContext.Store.CloseableResource {
    private final PostgresServer server;
    private final String name;
    private final AtomicInteger schemas = new AtomicInteger();

    ClassDatabase(PostgresServer server, String name) {
      this.server = server;
      this.name = name;
    }

    TestDatabase newSchema() {
      String schema = "t" + schemas.incrementAndGet();
      server.createSchema(name, schema);
      return new PostgresSchema(
          PostgresServer.withParam(server.url(name), "currentSchema=" + schema));
    }

    @Override
    public void close() {
      server.dropDatabase(name);
    }
  }

  private record PostgresSchema(String url) implements TestDatabase {
    @Override
    public String name() {
      return "postgresql";
    }

    @Override
    public boolean isPostgres() {
      return true;
    }
  }

  /** A SQLite file in a temporary folder, deleted after the run. */
  private record SqliteFile(Path dir)
      implements TestDatabase, ExtensionContext.Store.CloseableResource {
    static SqliteFile create() {
      try {
        return new SqliteFile(Files.createTempDirectory("dd-test-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String name() {
      return "sqlite";
    }

    @Override
    public boolean isPostgres() {
      return false;
    }

    @Override
    public String url() {
      return TestDatabases.url(dir);
    }

    @Override
    public void close() throws IOException {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}

package io.disputedesk.store;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Backs {@link OnPostgres}: the skip decision and a fresh database per test. */
final class OnPostgresExtension implements ExecutionCondition, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OnPostgresExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    PostgresServer server = PostgresServer.of(context);
    return server.skip()
        ? ConditionEvaluationResult.disabled(server.skipReason())
        : ConditionEvaluationResult.enabled("PostgreSQL is reachable, or CI is set");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class
        && context.getTestMethod().isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestDatabase.class,
            k -> ThrowawayDatabase.create(PostgresServer.of(context)),
            TestDatabase.class);
  }

  /** A whole database of its own (public schema, as in production), dropped after the test. */
  private record ThrowawayDatabase(PostgresServer server, String database)
      implements TestDatabase, ExtensionContext.Store.CloseableResource {
    static ThrowawayDatabase create(PostgresServer server) {
      return new ThrowawayDatabase(server, server.createDatabase());
    }

    @Override
    public String name() {
      return "postgresql";
    }

    @Override
    public boolean isPostgres() {
      return true;
    }

    @Override
    public String url() {
      return server.url(database);
    }

    @Override
    public void close() {
      server.dropDatabase(database);
    }
  }
}

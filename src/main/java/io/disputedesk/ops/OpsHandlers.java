package io.disputedesk.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.config.Secret;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.sync.AccountStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 {@code {"status":"ok"}} or 503 {@code {"status":"unhealthy"}} for
 * anyone; the reasons and details only with {@code ?verbose} and the metrics token (they are also
 * logged). {@code GET /metrics}: Prometheus text, behind the metrics token when one is set.
 */
public final class OpsHandlers {
  private static final String UNAUTHORIZED =
      "{\"error\":\"a bearer token (METRICS_TOKEN) is required\"}";

  private final HealthCheck health;
  private final Metrics metrics;
  private final ObjectMapper mapper;
  private final BearerToken token;
  private final HealthReasons reasonsLog = new HealthReasons();
  private final Supplier<List<AccountStatus>> accounts;

  public OpsHandlers(
      HealthCheck health, Metrics metrics, ObjectMapper mapper, Optional<Secret> metricsToken) {
    this(health, metrics, mapper, metricsToken, List::of);
  }

  /** As above, with each PayPal account's polling in the verbose report. */
  public OpsHandlers(
      HealthCheck health,
      Metrics metrics,
      ObjectMapper mapper,
      Optional<Secret> metricsToken,
      Supplier<List<AccountStatus>> accounts) {
    this.accounts = accounts;
    this.health = health;
    this.metrics = metrics;
    this.mapper = mapper;
    this.token = new BearerToken(metricsToken);
  }

  public void register(HttpHost host) {
    host.route("GET", "/healthz", this::healthz);
    host.route("GET", "/metrics", this::metrics);
  }

  /**
   * Whether {@code /metrics} needs the token (without one it is open to whoever reaches the port).
   */
  public boolean metricsProtected() {
    return token.configured();
  }

  Response healthz(Request request) throws Exception {
    boolean verbose = request.queryParams().containsKey("verbose");
    if (verbose && !token.accepts(request)) {
      return unauthorized();
    }
    HealthCheck.Report r = health.check();
    List<String> reasons = HealthReasons.of(r);
    reasonsLog.note(reasons);
    int status = r.healthy() ? 200 : 503;
    ObjectNode json = mapper.createObjectNode();
    json.put("status", r.healthy() ? "ok" : "unhealthy");
    if (!verbose) {
      return Response.json(status, mapper.writeValueAsString(json))
          .withHeader("Cache-Control", "no-store");
    }
    reasons.forEach(json.putArray("reasons")::add);
    json.putObject("database").put("ok", r.databaseOk());
    ObjectNode poll = json.putObject("poll");
    poll.put("ok", r.pollOk());
    r.lastPollSuccess().ifPresent(t -> poll.put("last_success", t.toString()));
    r.pollAgeSeconds().ifPresent(a -> poll.put("age_seconds", a));
    r.lastPollError().ifPresent(e -> poll.put("last_error", e));
    ObjectNode setAside = poll.putObject("set_aside").put("count", r.backlog().setAsideCount());
    r.backlog().setAsideIds().forEach(setAside.putArray("dispute_ids")::add);
    json.putObject("slack").put("ok", r.slack().ok()).put("detail", r.slack().detail());
    json.putObject("outbox").put("failed", r.backlog().failedOutboxRows());
    json.putObject("webhooks").put("changes_found_only_by_polling", r.changesMissedByWebhooks());
    if (r.databaseOk()) {
      ArrayNode list = json.putArray("accounts");
      for (AccountStatus a : accounts.get()) {
        ObjectNode node = list.addObject().put("name", a.account()).put("ok", a.ok());
        a.lastSuccess().ifPresent(t -> node.put("last_success", t.toString()));
        a.lastError().ifPresent(e -> node.put("last_error", e));
        a.lastErrorAt().ifPresent(t -> node.put("last_error_at", t.toString()));
      }
    }
    return Response.json(status, mapper.writeValueAsString(json))
        .withHeader("Cache-Control", "no-store");
  }

  Response metrics(Request request) {
    if (token.configured() && !token.accepts(request)) {
      return unauthorized();
    }
    return Response.of(
        200,
        "text/plain; version=0.0.4; charset=utf-8",
        metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }

  private static Response unauthorized() {
    return Response.json(401, UNAUTHORIZED).withHeader("WWW-Authenticate", "Bearer");
  }
}

package io.disputedesk.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Response;

/** {@code GET /healthz} (200 or 503 with details) and {@code GET /metrics} (Prometheus text). */
public final class OpsHandlers {
  private final HealthCheck health;
  private final Metrics metrics;
  private final ObjectMapper mapper;

  public OpsHandlers(HealthCheck health, Metrics metrics, ObjectMapper mapper) {
    this.health = health;
    this.metrics = metrics;
    this.mapper = mapper;
  }

  public void register(HttpHost host) {
    host.route("GET", "/healthz", request -> healthz());
    host.route("GET", "/metrics", request -> Response.of(200,
        "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  Response healthz() throws Exception {
    HealthCheck.Report r = health.check();
    ObjectNode json = mapper.createObjectNode();
    json.put("status", r.healthy() ? "ok" : "unhealthy");
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
    return Response.json(r.healthy() ? 200 : 503, mapper.writeValueAsString(json));
  }
}

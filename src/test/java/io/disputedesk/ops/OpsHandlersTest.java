package io.disputedesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.config.Secret;
import io.disputedesk.http.HeaderMap;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.json.Json;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpsHandlersTest {
  private static final String TOKEN = "metrics-token-0123456789abcdef";

  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final AtomicBoolean dbOk = new AtomicBoolean(true);
  private final AtomicReference<Optional<Instant>> lastPoll =
      new AtomicReference<>(Optional.empty());
  private final AtomicReference<HealthCheck.SlackStatus> slack =
      new AtomicReference<>(
          new HealthCheck.SlackStatus(true, "authenticated as dispute-desk in Acme Payments"));
  private final Metrics metrics = new Metrics();
  private final HealthCheck health =
      new HealthCheck(
          dbOk::get,
          lastPoll::get,
          () -> Optional.of("PayPal 503 (debug id abc123)"),
          slack::get,
          () -> 2L,
          Duration.ofMinutes(2),
          clock);
  private final OpsHandlers ops =
      new OpsHandlers(health, metrics, Json.newMapper(), Optional.of(new Secret(TOKEN)));

  @Test
  void healthyWhileStartingAndAfterARecentPoll() throws Exception {
    assertThat(ops.healthz(get("")).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10));
    lastPoll.set(Optional.of(clock.instant().minusSeconds(90)));
    Response r = ops.healthz(verbose(TOKEN));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText())
        .contains(
            "\"status\":\"ok\"",
            "\"age_seconds\":90",
            "\"changes_found_only_by_polling\":2",
            "\"reasons\":[]");
  }

  @Test
  void stalePollBadDatabaseOrBadSlackTokenAnswer503WithTheReasonsInTheVerboseView()
      throws Exception {
    clock.advance(Duration.ofMinutes(30));
    lastPoll.set(Optional.of(clock.instant().minus(Duration.ofMinutes(20))));
    assertThat(ops.healthz(verbose(TOKEN)).status()).isEqualTo(503);
    assertThat(ops.healthz(verbose(TOKEN)).bodyText())
        .contains(
            "no successful PayPal poll for 1200 s (last error: PayPal 503 (debug id abc123))");

    lastPoll.set(Optional.of(clock.instant()));
    slack.set(new HealthCheck.SlackStatus(false, "invalid_auth"));
    assertThat(ops.healthz(verbose(TOKEN)).status()).isEqualTo(503);
    assertThat(ops.healthz(verbose(TOKEN)).bodyText())
        .contains("Slack does not accept the bot token: invalid_auth");

    slack.set(new HealthCheck.SlackStatus(true, "ok"));
    dbOk.set(false);
    Response r = ops.healthz(verbose(TOKEN));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.bodyText())
        .contains("\"database\":{\"ok\":false}", "the database does not answer");
  }

  @Test
  void withoutTheTokenHealthSaysOnlyItsStatus() throws Exception {
    Response healthy = ops.healthz(get(""));
    assertThat(healthy.status()).isEqualTo(200);
    assertThat(healthy.bodyText()).isEqualTo("{\"status\":\"ok\"}");

    clock.advance(Duration.ofMinutes(30));
    slack.set(new HealthCheck.SlackStatus(false, "account_inactive for Acme Payments"));
    Response unhealthy = ops.healthz(get(""));
    assertThat(unhealthy.status()).isEqualTo(503);
    assertThat(unhealthy.bodyText()).isEqualTo("{\"status\":\"unhealthy\"}");
  }

  @Test
  void verboseHealthNeedsTheRightBearerToken() throws Exception {
    for (Request refused :
        List.of(
            verbose(null),
            verbose("wrong-token-0123456789abcdef"),
            verbose(TOKEN + "x"),
            withAuthorization("/healthz", "verbose", "Basic " + TOKEN))) {
      Response r = ops.healthz(refused);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertThat(r.bodyText()).doesNotContain("Acme", "database", "poll");
    }
    assertThat(ops.healthz(withAuthorization("/healthz", "verbose", "bearer " + TOKEN)).status())
        .isEqualTo(200);
  }

  @Test
  void withNoTokenConfiguredMetricsStayOpenButHealthDetailsAreNeverServed() throws Exception {
    OpsHandlers open = new OpsHandlers(health, metrics, Json.newMapper(), Optional.empty());

    assertThat(open.metricsProtected()).isFalse();
    assertThat(open.metrics(get("")).status()).isEqualTo(200);
    assertThat(open.healthz(get("")).bodyText()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(open.healthz(verbose(TOKEN)).status()).isEqualTo(401);
  }

  @Test
  void metricsNeedTheBearerTokenWhenOneIsSet() {
    metrics.poll("success");
    assertThat(ops.metricsProtected()).isTrue();

    Response refused = ops.metrics(get(""));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.bodyText()).doesNotContain("dd_polls_total");
    assertThat(ops.metrics(withAuthorization("/metrics", "", "Bearer nope")).status())
        .isEqualTo(401);

    Response allowed = ops.metrics(withAuthorization("/metrics", "", "Bearer " + TOKEN));
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.bodyText()).contains("dd_polls_total{outcome=\"success\"} 1.0");
  }

  @Test
  void setAsideDisputesAndFailedSlackWritesAreReportedWithoutTurningHealthRed() throws Exception {
    HealthCheck withBacklog =
        new HealthCheck(
            dbOk::get,
            lastPoll::get,
            Optional::empty,
            slack::get,
            () -> 0L,
            () -> new Backlog(3, List.of("PP-D-1", "PP-D-2"), 4),
            Duration.ofMinutes(2),
            clock);

    Response r =
        new OpsHandlers(withBacklog, metrics, Json.newMapper(), Optional.of(new Secret(TOKEN)))
            .healthz(verbose(TOKEN));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText())
        .contains(
            "\"set_aside\":{\"count\":3,\"dispute_ids\":[\"PP-D-1\",\"PP-D-2\"]}",
            "\"outbox\":{\"failed\":4}");
  }

  @Test
  void metricsAreExposedInPrometheusTextFormat() {
    metrics.poll("success");
    metrics.onCall("get", 200, Duration.ofMillis(120));
    metrics.action("MAKE_OFFER", "succeeded");
    metrics.observe("/slack/events", 200, 3_000_000L);
    metrics.outboxDepth(() -> 7);
    metrics.outboxFailed(() -> 2);
    metrics.disputesSetAside(() -> 1);
    String text = metrics.scrape();
    assertThat(text)
        .contains(
            "dd_polls_total{outcome=\"success\"} 1.0",
            "dd_paypal_calls_total{operation=\"get\",status=\"200\"} 1.0",
            "dd_actions_total{kind=\"MAKE_OFFER\",outcome=\"succeeded\"} 1.0",
            "dd_http_response_seconds_bucket{route=\"/slack/events\",status=\"200\",le=\"0.005\"} 1",
            "dd_outbox_pending 7.0",
            "dd_outbox_failed 2.0",
            "dd_disputes_set_aside 1.0");
  }

  private static Request get(String query) {
    return new Request("GET", "/healthz", query, HeaderMap.empty(), new byte[0], null);
  }

  private static Request verbose(String token) {
    return token == null
        ? get("verbose")
        : withAuthorization("/healthz", "verbose", "Bearer " + token);
  }

  private static Request withAuthorization(String path, String query, String authorization) {
    return new Request(
        "GET",
        path,
        query,
        HeaderMap.of(Map.of("Authorization", List.of(authorization))),
        new byte[0],
        null);
  }
}

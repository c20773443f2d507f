package io.disputedesk.ops;

import io.disputedesk.http.RequestObserver;
import io.disputedesk.paypal.PayPalCallObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The bot's Prometheus metrics, in one registry owned by the app (no global state). */
public final class Metrics implements PayPalCallObserver, RequestObserver {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter polls;
  private final Counter paypalCalls;
  private final Histogram paypalSeconds;
  private final Counter actions;
  private final Histogram ackSeconds;
  private final Counter webhooks;
  private final Counter slackWrites;
  private final Counter accountPolls;

  // No exemplars: the Prometheus text format never carries them, and without this each metric's
  // first observation goes looking for an OpenTelemetry tracer (about a hundred classes, on the
  // first request's path).
  public Metrics() {
    polls =
        Counter.builder()
            .name("dd_polls_total")
            .help("PayPal polls by outcome")
            .labelNames("outcome")
            .withoutExemplars()
            .register(registry);
    paypalCalls =
        Counter.builder()
            .name("dd_paypal_calls_total")
            .help("PayPal API calls by operation and HTTP status (0 = no response)")
            .labelNames("operation", "status")
            .withoutExemplars()
            .register(registry);
    paypalSeconds =
        Histogram.builder()
            .name("dd_paypal_call_seconds")
            .help("PayPal API call duration")
            .labelNames("operation")
            .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .withoutExemplars()
            .register(registry);
    actions =
        Counter.builder()
            .name("dd_actions_total")
            .help("Dispute actions by kind and outcome")
            .labelNames("kind", "outcome")
            .withoutExemplars()
            .register(registry);
    ackSeconds =
        Histogram.builder()
            .name("dd_http_response_seconds")
            .help("Time to answer HTTP requests (Slack acknowledgements on /slack/events)")
            .labelNames("route", "status")
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3)
            .withoutExemplars()
            .register(registry);
    webhooks =
        Counter.builder()
            .name("dd_webhooks_total")
            .help("PayPal webhook deliveries by outcome")
            .labelNames("outcome")
            .withoutExemplars()
            .register(registry);
    slackWrites =
        Counter.builder()
            .name("dd_slack_writes_total")
            .help("Slack outbox deliveries by kind and outcome")
            .labelNames("kind", "outcome")
            .withoutExemplars()
            .register(registry);
    accountPolls =
        Counter.builder()
            .name("dd_account_polls_total")
            .help("PayPal polls by account and outcome")
            .labelNames("account", "outcome")
            .withoutExemplars()
            .register(registry);
  }

  /** Reports, per PayPal account, 1 while its polls succeed and 0 while they fail. */
  public void accountsPolling(Supplier<Map<String, Boolean>> okByAccount) {
    GaugeWithCallback.builder()
        .name("dd_account_poll_ok")
        .help("1 while the PayPal account's last poll succeeded, 0 while it fails")
        .labelNames("account")
        .callback(cb -> okByAccount.get().forEach((account, ok) -> cb.call(ok ? 1 : 0, account)))
        .register(registry);
  }

  public void accountPoll(String account, String outcome) {
    accountPolls.labelValues(account, outcome).inc();
  }

  /** Reports the number of Slack writes waiting in the outbox whenever metrics are scraped. */
  public void outboxDepth(IntSupplier pending) {
    gauge("dd_outbox_pending", "Slack writes waiting in the outbox", pending);
  }

  /** Reports the Slack writes given up on (kept a while for inspection, then pruned). */
  public void outboxFailed(IntSupplier failed) {
    gauge("dd_outbox_failed", "Slack writes that failed for good", failed);
  }

  /** Reports the disputes polls set aside because their details could not be read or stored. */
  public void disputesSetAside(IntSupplier setAside) {
    gauge(
        "dd_disputes_set_aside",
        "Disputes set aside by polls, tried again after a backoff",
        setAside);
  }

  private void gauge(String name, String help, IntSupplier value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(cb -> cb.call(value.getAsInt()))
        .register(registry);
  }

  public void poll(String outcome) {
    polls.labelValues(outcome).inc();
  }

  public void action(String kind, String outcome) {
    actions.labelValues(kind, outcome).inc();
  }

  public void webhook(String outcome) {
    webhooks.labelValues(outcome).inc();
  }

  public void slackWrite(String kind, String outcome) {
    slackWrites.labelValues(kind, outcome).inc();
  }

  @Override
  public void onCall(String operation, int httpStatus, Duration took) {
    paypalCalls.labelValues(operation, String.valueOf(httpStatus)).inc();
    paypalSeconds.labelValues(operation).observe(took.toNanos() / 1e9);
  }

  @Override
  public void observe(String route, int status, long nanos) {
    ackSeconds.labelValues(route, String.valueOf(status)).observe(nanos / 1e9);
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}

package io.disputedesk.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.Handler;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.ops.Metrics;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.WebhookEvent;
import io.disputedesk.paypal.WebhookVerifier;
import io.disputedesk.store.InboundDedupe;
import io.disputedesk.sync.DisputeRefresher;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /paypal/webhooks}: refuses what can be refused from the request alone, verifies the
 * rest with PayPal within {@link WebhookLimits}, handles each event id once, and refreshes the
 * dispute at once so its card updates within seconds. Polling stays on as the safety net, so a
 * delivery refused for being busy (PayPal delivers it again) or a refresh that fails is caught up.
 */
public final class PayPalWebhookHandler implements Handler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PayPalWebhookHandler.class);
  static final String DEDUPE_SOURCE = "paypal-webhook";

  private final ObjectMapper mapper;
  private final DeliveryChecks checks;
  private final VerificationGate gate;
  private final InboundDedupe dedupe;
  private final DisputeRefresher refresher;
  private final Executor executor;
  private final Metrics metrics;
  private final ThrottledLog refusals;

  /**
   * @param payPalBaseUrl the PayPal API the bot calls; certificate URLs may point there besides
   *     PayPal's own hosts
   */
  public PayPalWebhookHandler(
      ObjectMapper mapper,
      WebhookVerifier verifier,
      String webhookId,
      String payPalBaseUrl,
      WebhookLimits limits,
      Clock clock,
      InboundDedupe dedupe,
      DisputeRefresher refresher,
      Executor executor,
      Metrics metrics) {
    this(
        mapper,
        verifier,
        webhookId,
        payPalBaseUrl,
        limits,
        clock,
        System::nanoTime,
        dedupe,
        refresher,
        executor,
        metrics);
  }

  PayPalWebhookHandler(
      ObjectMapper mapper,
      WebhookVerifier verifier,
      String webhookId,
      String payPalBaseUrl,
      WebhookLimits limits,
      Clock clock,
      LongSupplier nanoTime,
      InboundDedupe dedupe,
      DisputeRefresher refresher,
      Executor executor,
      Metrics metrics) {
    this.mapper = mapper;
    this.checks = new DeliveryChecks(mapper, CertHosts.forBaseUrl(payPalBaseUrl), limits, clock);
    this.gate = new VerificationGate(verifier, webhookId, limits, nanoTime);
    this.dedupe = dedupe;
    this.refresher = refresher;
    this.executor = executor;
    this.metrics = metrics;
    this.refusals = new ThrottledLog(log, limits.logEvery(), nanoTime);
  }

  @Override
  public Response handle(Request request) {
    DeliveryChecks.Outcome outcome = checks.check(request);
    if (outcome instanceof DeliveryChecks.Refused r) {
      return refuse(request, r.status(), r.metric(), r.reason());
    }
    if (outcome instanceof DeliveryChecks.NotSubscribed n) {
      // Not worth a call to PayPal; a 2xx stops PayPal from delivering it again.
      log.debug("webhook of unsubscribed type {} ignored", LogText.of(n.eventType()));
      metrics.webhook("ignored");
      return Response.text(200, "ignored");
    }
    DeliveryChecks.Plausible delivery = (DeliveryChecks.Plausible) outcome;
    switch (gate.verify(delivery.headers(), delivery.body())) {
      case RATE_LIMITED:
        return refuse(request, 429, "rate_limited", "over the verification rate")
            .withHeader("Retry-After", "1");
      case BUSY:
        return refuse(request, 503, "busy", "verification pool full")
            .withHeader("Retry-After", "5");
      case UNAVAILABLE:
        metrics.webhook("verify_unavailable");
        return Response.text(503, "verification unavailable, retry later");
      case FORGED:
        return refuse(request, 400, "unverified", "signature did not verify");
      case GENUINE:
      default:
        break;
    }
    if (!dedupe.firstTime(DEDUPE_SOURCE, delivery.eventId())) {
      metrics.webhook("duplicate");
      return Response.text(200, "already handled");
    }
    WebhookEvent event;
    try {
      event = WebhookEvent.parse(mapper, delivery.body());
    } catch (PayPalException e) {
      // PayPal vouched for it but its dispute does not read: the next poll picks the change up.
      log.warn(
          "verified webhook {} has an unreadable dispute: {}",
          LogText.of(delivery.eventId()),
          e.getMessage());
      metrics.webhook("ignored");
      return Response.text(200, "ignored");
    }
    if (event.resource() == null || event.resource().disputeId() == null) {
      log.info(
          "webhook {} of type {} carries no dispute; ignored",
          LogText.of(event.id()),
          LogText.of(event.eventType()));
      metrics.webhook("ignored");
      return Response.text(200, "ignored");
    }
    String disputeId = event.resource().disputeId();
    try {
      executor.execute(() -> refresh(event, disputeId));
    } catch (RejectedExecutionException e) {
      // The background queue is full: the next poll brings the change in instead.
      log.warn(
          "webhook {} for dispute {} not refreshed now: background queue full; the next poll catches up",
          event.id(),
          disputeId);
      metrics.webhook("busy");
      return Response.text(200, "busy; the next poll catches up");
    }
    metrics.webhook("accepted");
    return Response.text(200, "ok");
  }

  /** Stops the verification threads. */
  @Override
  public void close() {
    gate.close();
  }

  private void refresh(WebhookEvent event, String disputeId) {
    try {
      refresher.refresh(disputeId);
      log.info(
          "webhook {} ({}) refreshed dispute {}",
          LogText.of(event.id()),
          event.eventType(),
          LogText.of(disputeId));
    } catch (PayPalException e) {
      log.warn(
          "webhook {} could not refresh dispute {}: {} (debug id {}); the next poll will catch up",
          LogText.of(event.id()),
          LogText.of(disputeId),
          e.getMessage(),
          e.debugId());
    } catch (RuntimeException e) {
      log.error(
          "webhook {} could not refresh dispute {}; the next poll will catch up",
          LogText.of(event.id()),
          LogText.of(disputeId),
          e);
    }
  }

  private Response refuse(Request request, int status, String metric, String why) {
    metrics.webhook(metric);
    refusals.warn(
        "PayPal webhook refused with {}: {} (transmission {}, from {})",
        status,
        why,
        LogText.of(request.header(DeliveryChecks.TRANSMISSION_ID)),
        request.remoteAddress() == null
            ? "-"
            : request.remoteAddress().getAddress().getHostAddress());
    return Response.text(status, why);
  }
}

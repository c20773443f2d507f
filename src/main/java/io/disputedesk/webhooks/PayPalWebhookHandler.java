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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /paypal/webhooks}: verifies each delivery with PayPal, handles each event id once,
 * and refreshes the dispute at once so its card updates within seconds. Polling stays on as the
 * safety net, so a refresh that fails here is caught up by the next poll.
 */
public final class PayPalWebhookHandler implements Handler {
  private static final Logger log = LoggerFactory.getLogger(PayPalWebhookHandler.class);
  static final String DEDUPE_SOURCE = "paypal-webhook";

  private final ObjectMapper mapper;
  private final WebhookVerifier verifier;
  private final String webhookId;
  private final InboundDedupe dedupe;
  private final DisputeRefresher refresher;
  private final Executor executor;
  private final Metrics metrics;

  public PayPalWebhookHandler(ObjectMapper mapper, WebhookVerifier verifier, String webhookId,
      InboundDedupe dedupe, DisputeRefresher refresher, Executor executor, Metrics metrics) {
    this.mapper = mapper;
    this.verifier = verifier;
    this.webhookId = webhookId;
    this.dedupe = dedupe;
    this.refresher = refresher;
    this.executor = executor;
    this.metrics = metrics;
  }

  @Override
  public Response handle(Request request) {
    String body = request.bodyText();
    WebhookEvent event;
    try {
      event = WebhookEvent.parse(mapper, body);
    } catch (PayPalException e) {
      return reject("malformed", "not a PayPal webhook event");
    }
    if (event.id() == null || event.id().isBlank()) {
      return reject("malformed", "event has no id");
    }
    boolean verified;
    try {
      verified = verifier.verify(headers(request), body, webhookId);
    } catch (PayPalException e) {
      // PayPal could not check the signature now; a 5xx makes PayPal deliver it again later.
      log.warn("webhook {} not verified: PayPal verification unavailable (debug id {})", event.id(), e.debugId());
      metrics.webhook("verify_unavailable");
      return Response.text(503, "verification unavailable, retry later");
    }
    if (!verified) {
      log.warn("webhook rejected: signature did not verify (event {}, type {}, transmission {})",
          event.id(), event.eventType(), request.headers().first("PAYPAL-TRANSMISSION-ID").orElse("none"));
      return reject("unverified", "signature verification failed");
    }
    if (!dedupe.firstTime(DEDUPE_SOURCE, event.id())) {
      metrics.webhook("duplicate");
      return Response.text(200, "already handled");
    }
    if (!event.isDisputeEvent() || event.resource() == null || event.resource().disputeId() == null) {
      log.info("webhook {} of type {} ignored", event.id(), event.eventType());
      metrics.webhook("ignored");
      return Response.text(200, "ignored");
    }
    String disputeId = event.resource().disputeId();
    try {
      executor.execute(() -> refresh(event, disputeId));
    } catch (RejectedExecutionException e) {
      // The background queue is full: the next poll brings the change in instead.
      log.warn("webhook {} for dispute {} not refreshed now: background queue full; the next poll catches up",
          event.id(), disputeId);
      metrics.webhook("busy");
      return Response.text(200, "busy; the next poll catches up");
    }
    metrics.webhook("accepted");
    return Response.text(200, "ok");
  }

  private void refresh(WebhookEvent event, String disputeId) {
    try {
      refresher.refresh(disputeId);
      log.info("webhook {} ({}) refreshed dispute {}", event.id(), event.eventType(), disputeId);
    } catch (PayPalException e) {
      log.warn("webhook {} could not refresh dispute {}: {} (debug id {}); the next poll will catch up",
          event.id(), disputeId, e.getMessage(), e.debugId());
    } catch (RuntimeException e) {
      log.error("webhook {} could not refresh dispute {}; the next poll will catch up", event.id(), disputeId, e);
    }
  }

  private Response reject(String outcome, String why) {
    metrics.webhook(outcome);
    return Response.text(400, why);
  }

  private static Map<String, String> headers(Request request) {
    Map<String, String> out = new HashMap<>();
    request.headers().asMap().forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k, v.get(0));
      }
    });
    return out;
  }
}

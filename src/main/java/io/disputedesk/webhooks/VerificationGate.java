package io.disputedesk.webhooks;

import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.WebhookVerifier;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks PayPal whether deliveries are genuine, within limits a stranger cannot raise: a token bucket
 * caps the calls per second, a small pool with a short queue caps the calls at once, and each
 * caller waits a bounded time for its verdict.
 */
final class VerificationGate implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VerificationGate.class);

  /** The answer for one delivery. */
  enum Verdict {
    GENUINE,
    FORGED,
    /** Over the rate: answer 429 so that PayPal delivers again later. */
    RATE_LIMITED,
    /** Every thread and queue slot taken: 503, PayPal delivers again later. */
    BUSY,
    /** PayPal did not answer in time or failed: 503. */
    UNAVAILABLE
  }

  private final WebhookVerifier verifier;
  private final String webhookId;
  private final TokenBucket bucket;
  private final ThreadPoolExecutor pool;
  private final long deadlineNanos;
  private final ThrottledLog outages;

  VerificationGate(
      WebhookVerifier verifier, String webhookId, WebhookLimits limits, LongSupplier nanoTime) {
    this.verifier = verifier;
    this.webhookId = webhookId;
    this.bucket = new TokenBucket(limits.verifyPerSecond(), limits.verifyBurst(), nanoTime);
    this.deadlineNanos = limits.verdictDeadline().toNanos();
    this.outages = new ThrottledLog(log, limits.logEvery(), nanoTime);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            limits.verifyThreads(),
            limits.verifyThreads(),
            0,
            TimeUnit.MILLISECONDS,
            limits.verifyQueue() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.verifyQueue()),
            r -> {
              Thread t = new Thread(r, "dd-webhook-verify-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  Verdict verify(Map<String, String> headers, String body) {
    if (!bucket.tryTake()) {
      return Verdict.RATE_LIMITED;
    }
    Future<Boolean> verdict;
    try {
      verdict = pool.submit(() -> verifier.verify(headers, body, webhookId));
    } catch (RejectedExecutionException e) {
      return Verdict.BUSY;
    }
    try {
      return verdict.get(deadlineNanos, TimeUnit.NANOSECONDS) ? Verdict.GENUINE : Verdict.FORGED;
    } catch (TimeoutException e) {
      verdict.cancel(true);
      outages.warn(
          "PayPal webhook verification took too long; answered 503 so PayPal delivers again");
      return Verdict.UNAVAILABLE;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PayPalException p) {
        outages.warn(
            "PayPal webhook verification unavailable: {} (debug id {}); answered 503",
            p.getMessage(),
            p.debugId());
      } else {
        log.error("PayPal webhook verification failed inside the bot; answered 503", e.getCause());
      }
      return Verdict.UNAVAILABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      verdict.cancel(true);
      return Verdict.UNAVAILABLE;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

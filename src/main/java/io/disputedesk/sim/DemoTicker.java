package io.disputedesk.sim;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo's disputes changing: every so often the evolver moves one on and the bot hears of
 * it by webhook, on the path of the account the dispute belongs to.
 */
final class DemoTicker {
  // Under the demo's name, so the demo's log reads as one.
  private static final Logger log = LoggerFactory.getLogger(Demo.class);

  private DemoTicker() {}

  /** Starts ticking; null when the options turn evolving off. */
  static ScheduledExecutorService start(
      PayPalSimulator paypal, Clock clock, DemoOptions options, String botUrl) {
    if (options.evolveEvery().isZero()) {
      return null;
    }
    SimEvolver evolver =
        new SimEvolver(
            paypal,
            clock,
            new Random(options.seed() + 1),
            List.of(PayPalSimulator.DEFAULT_MERCHANT, Demo.NOVA_MERCHANT));
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "demo-evolver");
              t.setDaemon(true);
              return t;
            });
    long every = options.evolveEvery().toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            SimEvolver.Change change = evolver.tick();
            // Each account's webhook has its own path, as each PayPal app delivers to its own URL.
            String account =
                Demo.NOVA_MERCHANT.equals(paypal.merchantOf(change.disputeId()))
                    ? "/nova"
                    : "/acme";
            int status =
                paypal.sendWebhook(
                    botUrl + "/paypal/webhooks" + account, change.eventType(), change.disputeId());
            log.info("Simulator: {} (webhook answered {})", change.description(), status);
          } catch (RuntimeException e) {
            // The next tick tries again; polling picks up whatever a failed webhook missed.
            log.warn("Simulator tick failed: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    return executor;
  }
}

package io.disputedesk;

import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.config.AccountSettings;
import io.disputedesk.config.Config;
import io.disputedesk.http.HttpHost;
import io.disputedesk.ops.HealthCheck;
import io.disputedesk.ops.OpsHandlers;
import io.disputedesk.paypal.WebhookVerifier;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.SocketModeRunner;
import io.disputedesk.webhooks.PayPalWebhookHandler;
import io.disputedesk.webhooks.WebhookLimits;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door on {@code PORT}: Slack's events, health and metrics, and each PayPal
 * account's webhooks; and Slack over Socket Mode when an app token is set.
 */
final class HttpFrontDoor {
  private static final Logger log = LoggerFactory.getLogger(HttpFrontDoor.class);
  static final String EVENTS_PATH = "/slack/events";
  private static final int HTTP_THREADS = 8;

  /** Socket Mode requests waiting for a thread; more are not taken (Slack sends events again). */
  private static final int SOCKET_QUEUE = 64;

  private static final Duration HTTP_DRAIN = Duration.ofSeconds(3);

  private HttpFrontDoor() {}

  /** The host, not yet started: the action threads yield to the requests it answers. */
  static HttpHost bind(Core core) {
    Config config = core.config();
    return new HttpHost(
        new InetSocketAddress(config.bindAddress(), config.port()), HTTP_THREADS, core.metrics());
  }

  /**
   * Puts every route on {@code host} and starts it; webhook deliveries are handed over on {@code
   * background}.
   */
  static void open(
      HttpHost host,
      Core core,
      Stores stores,
      SlackApi slack,
      SlackDelivery delivery,
      PayPalSync paypal,
      Upkeep upkeep,
      Executor background) {
    Config config = core.config();
    Clock clock = core.clock();
    var sync = paypal.sync();
    host.route(
        "POST", EVENTS_PATH, new BoltHandler(slack.bolt(), delivery.auth(), Clock.systemUTC()));
    HealthCheck health =
        new HealthCheck(
            stores.db()::ping,
            sync::lastSuccessOfAll,
            sync::lastErrors,
            delivery.auth()::current,
            paypal.polls()::missed,
            upkeep::backlog,
            config.schedule().pollInterval(),
            clock);
    OpsHandlers ops =
        new OpsHandlers(health, core.metrics(), core.mapper(), config.metricsToken(), sync::status);
    ops.register(host);
    if (!ops.metricsProtected()) {
      log.warn(
          "METRICS_TOKEN is not set: /metrics is open to anyone who can reach the bot's HTTP port");
    }
    // Each account's webhook comes to its own path, verified with its own webhook id and app.
    for (AccountSettings account : config.accounts()) {
      account
          .webhookId()
          .ifPresent(
              webhookId -> {
                WebhookLimits limits = WebhookLimits.defaults();
                PayPalWebhookHandler webhooks =
                    new PayPalWebhookHandler(
                        core.mapper(),
                        new WebhookVerifier(
                            paypal.clients().client(account.name()), limits.verifyTimeout()),
                        webhookId,
                        account.baseUrl(),
                        limits,
                        clock,
                        stores.inbound(),
                        id -> sync.refresh(id, account.name()),
                        background,
                        core.metrics());
                core.shutdown()
                    .then("webhook verification (" + account.name() + ")", webhooks::close);
                host.route("POST", account.webhookPath(), webhooks);
              });
    }
    host.start();
    core.shutdown().then("HTTP", () -> host.stop(HTTP_DRAIN));
  }

  /**
   * Connects to Slack over Socket Mode when an app token is set: the same checks and handlers as
   * the HTTP front door, on as many threads.
   */
  static void socketMode(Core core, SlackApi slack, SlackDelivery delivery) {
    core.config()
        .slack()
        .appToken()
        .ifPresent(
            appToken -> {
              SocketModeRunner socketMode =
                  new SocketModeRunner(
                      appToken.reveal(),
                      slack.bolt(),
                      new BoltHandler(slack.bolt(), delivery.auth(), Clock.systemUTC()),
                      BoundedExecutors.fixed("slack-socket", HTTP_THREADS, SOCKET_QUEUE));
              socketMode.start();
              core.shutdown().then("Socket Mode", socketMode::close);
              log.info("Slack Socket Mode connected; no public URL is needed for Slack requests");
            });
  }
}

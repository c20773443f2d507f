package io.disputedesk.sim;

import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.config.Secret;
import io.disputedesk.http.HttpHost;
import io.disputedesk.sim.console.Console;
import io.disputedesk.sim.console.ConsoleSettings;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The no-accounts demo in one process: the PayPal simulator with realistic disputes that keep
 * changing, a local Slack, the bot itself (started by the caller's {@link Launcher}) on its own
 * SQLite file, and the local Slack console in the browser.
 */
public final class Demo implements AutoCloseable {
  /** The person using the console: an approver and agent. */
  public static final SlackUser USER = SlackUser.person("U0A1B2DEMO", "jordan", "Jordan Lee");

  public static final String CHANNEL = "C0A1B2C3F";
  static final String CHANNEL_NAME = "disputes";

  /** The second brand's channel: the route {@code account:nova} sends its disputes there. */
  public static final String NOVA_CHANNEL = "C0A1B2NOVA";

  static final String NOVA_CHANNEL_NAME = "nova-disputes";

  /** The second brand: its own PayPal account (merchant) and REST app in the simulator. */
  public static final String NOVA_MERCHANT = "NOVA7Q2M4K9";

  static final String NOVA_CLIENT_ID = "sim-nova-client-id";
  static final String NOVA_WEBHOOK_ID = "8PT597110X687430S";

  /** The only address the console listens on. */
  public static final String CONSOLE_BIND = "127.0.0.1";

  private static final Logger log = LoggerFactory.getLogger(Demo.class);

  /**
   * Starts the bot on the demo's settings (which it reads as at any start); what it returns is
   * closed when the demo stops.
   */
  @FunctionalInterface
  public interface Launcher {
    AutoCloseable start(ConfigSource settings) throws Exception;
  }

  private final PayPalSimulator paypal;
  private final LocalSlack slack;
  private final AutoCloseable bot;
  private final HttpHost consoleHost;
  private final ScheduledExecutorService evolving;
  private final ConfigSource source;
  private final Config config;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);

  private Demo(
      PayPalSimulator paypal,
      LocalSlack slack,
      AutoCloseable bot,
      HttpHost consoleHost,
      ScheduledExecutorService evolving,
      ConfigSource source,
      Config config) {
    this.paypal = paypal;
    this.slack = slack;
    this.bot = bot;
    this.consoleHost = consoleHost;
    this.evolving = evolving;
    this.source = source;
    this.config = config;
  }

  /** Starts everything; on failure what was started is stopped again. */
  public static Demo start(DemoOptions options, Launcher launcher, Clock clock) throws Exception {
    PayPalSimulator paypal = null;
    LocalSlack slack = null;
    AutoCloseable bot = null;
    HttpHost consoleHost = null;
    try {
      SimulatorOptions simulator = SimulatorOptions.defaults(clock).withSeed(options.seed());
      paypal = PayPalSimulator.start(simulator);
      int seeded = SimSeeds.realistic(paypal, clock, new Random(options.seed())).size();
      // A second brand with its own PayPal account, app and webhook: its cards go to their own
      // channel.
      paypal.accounts().addApp(NOVA_MERCHANT, NOVA_CLIENT_ID, "sim-nova-secret", NOVA_WEBHOOK_ID);
      seeded +=
          SimSeeds.secondBrand(paypal, NOVA_MERCHANT, clock, new Random(options.seed() + 2)).size();
      slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
      slack.addUser(USER);
      slack.addChannel(CHANNEL, CHANNEL_NAME);
      slack.addChannel(NOVA_CHANNEL, NOVA_CHANNEL_NAME);
      Secret signingSecret = new Secret(randomHex());
      int botPort = freePort();
      ConfigSource source =
          ConfigSource.of(
              DemoSettings.of(
                  paypal, simulator.webhookId(), slack, signingSecret, botPort, options.dataDir()));
      Config config = ConfigLoader.load(source);
      // The console's port first: if it is taken, fail before the bot starts.
      // 127.0.0.1 only: the console acts as the demo's approver and must not be reachable from the
      // network.
      consoleHost = new HttpHost(new InetSocketAddress(CONSOLE_BIND, options.consolePort()), 16);
      new Console(
              slack,
              new ConsoleSettings(
                  URI.create(botUrl(botPort) + "/slack/events"),
                  signingSecret,
                  USER.id(),
                  CHANNEL,
                  List.of(CHANNEL, NOVA_CHANNEL)),
              clock)
          .registerOn(consoleHost);
      consoleHost.start();
      bot = launcher.start(source);
      ScheduledExecutorService evolving = DemoTicker.start(paypal, clock, options, botUrl(botPort));
      Demo demo = new Demo(paypal, slack, bot, consoleHost, evolving, source, config);
      log.info(
          "Demo: PayPal simulator with {} disputes at {}, bot on port {}, database {}",
          seeded,
          paypal.baseUrl(),
          botPort,
          config.databaseUrl());
      log.info(
          "Open {} to use Dispute Desk in the local Slack console as {} (Ctrl+C stops the demo)",
          demo.consoleUrl(),
          USER.realName());
      log.info(
          "Try an evidence draft: Provide evidence on the Bluetooth speaker card, type a tracking number, tick"
              + " \"Save as a draft\" (and \"Also add this tracking to PayPal\"), then Edit draft or Submit to PayPal in"
              + " its thread");
      return demo;
    } catch (Exception | Error e) {
      stopQuietly(consoleHost, bot, slack, paypal);
      throw e;
    }
  }

  /** For example {@code http://localhost:3000/}. */
  public String consoleUrl() {
    return "http://localhost:" + consoleHost.port() + "/";
  }

  public PayPalSimulator paypal() {
    return paypal;
  }

  public LocalSlack slack() {
    return slack;
  }

  /** The configuration the bot was started with (secrets stay hidden in its {@code toString()}). */
  public Config config() {
    return config;
  }

  /** The settings the bot was started with, as it read them (its routes among them). */
  public ConfigSource source() {
    return source;
  }

  /**
   * Stops the evolver, the console, the bot, the local Slack and the simulator; safe to call twice.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    try {
      if (evolving != null) {
        evolving.shutdownNow();
      }
      stopQuietly(consoleHost, bot, slack, paypal);
    } finally {
      closed.countDown();
    }
  }

  /** Blocks until {@link #close()} has run (e.g. from the Ctrl+C hook). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  private static String botUrl(int port) {
    return "http://127.0.0.1:" + port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static void stopQuietly(
      HttpHost consoleHost, AutoCloseable bot, LocalSlack slack, PayPalSimulator paypal) {
    if (consoleHost != null) {
      consoleHost.stop(Duration.ofSeconds(1));
    }
    if (bot != null) {
      try {
        bot.close();
      } catch (Exception e) {
        log.warn("The bot did not stop cleanly: {}", e.toString());
      }
    }
    if (slack != null) {
      slack.close();
    }
    if (paypal != null) {
      paypal.close();
    }
  }
}

package io.disputedesk;

import io.disputedesk.actions.ActionKinds;
import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.http.HttpHost;
import io.disputedesk.sim.Demo;
import io.disputedesk.sim.DemoOptions;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.DatabaseOpening;
import java.io.PrintStream;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: loads settings, builds every object, starts and stops the bot. Each part is
 * built once, by the wiring it belongs to: {@link Core}, {@link SlackApi}, {@link Stores}, {@link
 * SlackDelivery}, {@link Team}, {@link PayPalSync}, {@link ActionWiring}, {@link QueueFeatures},
 * {@link Schedule} and {@link HttpFrontDoor}; the stop runs the steps registered here and there,
 * last-registered first.
 */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  /** Home tab publishes and searches, webhook refreshes. */
  private static final int BACKGROUND_THREADS = 2;

  private static final int BACKGROUND_QUEUE = 200;

  /**
   * The longest an action taken by an action thread (or a follow-up that is due) waits for a moment
   * when no request is being answered before it starts anyway.
   */
  static final Duration ACTIONS_YIELD_AT_MOST = Duration.ofMillis(200);

  /**
   * The longest a step of the warm-up waits for a moment when no request is being answered: as long
   * as Slack takes a click's trigger id. The warm-up is never urgent, and a cold first click (which
   * opens its form before its ack) needs every core for all of that time; bounded, so that the
   * warm-up still ends under steady traffic.
   */
  static final Duration WARMUP_YIELD_AT_MOST = Duration.ofSeconds(3);

  private App() {}

  public static void main(String[] args) {
    // The report charts are drawn with AWT, and a server has no display.
    System.setProperty("java.awt.headless", "true");
    int code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the command line until the bot stops; returns the exit code (0 ok, 1 failed to start, 2
   * bad usage or settings).
   */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Cli cli;
    try {
      cli = Cli.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("dispute-desk: " + e.getMessage() + "\n\n" + Cli.USAGE);
      return 2;
    }
    if (cli.command() == Cli.Command.HELP) {
      out.print(Cli.USAGE);
      return 0;
    }
    if (cli.command() == Cli.Command.DEMO) {
      return runDemo(cli.demoPort().orElse(DemoOptions.DEFAULT_PORT), err);
    }
    Settings settings;
    try {
      settings = Settings.load(ConfigSource.load(cli.configFile(), env));
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    RunningApp app;
    try {
      app = start(settings, Clock.systemUTC());
    } catch (RuntimeException e) {
      log.error("Dispute Desk could not start", e);
      err.println("dispute-desk: could not start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "dispute-desk-shutdown"));
    try {
      app.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      app.close();
    }
    return 0;
  }

  /**
   * Demo mode: this bot inside the PayPal simulator, a local Slack and its console; runs until
   * stopped.
   */
  private static int runDemo(int port, PrintStream err) {
    Demo demo;
    try {
      demo =
          Demo.start(
              DemoOptions.defaults().withPort(port),
              source ->
                  start(
                      Settings.load(source),
                      Clock.systemUTC(),
                      RunOptions.defaults().withFirstPollDelay(Duration.ofSeconds(1))),
              Clock.systemUTC());
    } catch (Exception e) {
      boolean portTaken = e.getCause() instanceof BindException;
      if (!portTaken) {
        log.error("The demo could not start", e);
      }
      err.println(
          "dispute-desk: the demo could not start: "
              + e.getMessage()
              + (portTaken ? " (is port " + port + " in use? try --port N or PORT=N)" : ""));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "dispute-desk-demo-shutdown"));
    try {
      demo.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      demo.close();
    }
    return 0;
  }

  /** Starts the bot with production timings. */
  public static RunningApp start(Settings settings, Clock clock) {
    return start(settings, clock, RunOptions.defaults());
  }

  /**
   * Builds and starts everything: database, PayPal client, Slack client and Bolt app with the card
   * action handlers, the outbox sender, the sync and its Quartz poll job, and the HTTP front door
   * on {@code PORT}; then settles actions a previous run left open. On failure whatever was started
   * is stopped again.
   */
  public static RunningApp start(Settings settings, Clock clock, RunOptions options) {
    Shutdown shutdown = new Shutdown();
    try {
      return start(settings, clock, options, shutdown);
    } catch (RuntimeException e) {
      shutdown.run();
      throw e;
    }
  }

  private static RunningApp start(
      Settings settings, Clock clock, RunOptions options, Shutdown shutdown) {
    Config config = settings.config();
    // Opened (and migrated when the migrations changed) while the clients below are built.
    DatabaseOpening opening = DatabaseOpening.start(config.databaseUrl(), clock);
    shutdown.then("database", opening::close);
    Core core = Core.create(settings, options, clock, shutdown);
    SlackApi slack = SlackApi.connect(core);
    // Each kind of action is one descriptor, its card button and form included; the ledger and
    // the use cases see them only as kinds.
    ActionKinds kinds = new ActionKinds(CardAction.kinds());
    Stores stores = Stores.on(opening.await(), core.mapper(), clock, kinds.actions());
    SlackDelivery delivery = SlackDelivery.on(core, slack, stores);
    ExecutorService background =
        BoundedExecutors.fixed(
            "dd-background", BACKGROUND_THREADS, BACKGROUND_QUEUE, StartGate.OPEN, core.work());
    shutdown.thenStop("background work", background);
    Team team = Team.on(core, slack, delivery, stores, background);
    PayPalSync paypal = PayPalSync.on(core, stores, delivery.notifier(), team);

    // Acting on disputes from their cards: PayPal calls wait on their own threads, never on
    // Slack's. Built here, started once every route is on it: the action threads yield to it.
    HttpHost host = HttpFrontDoor.bind(core);
    StartGate yieldToRequests = () -> host.awaitIdle(ACTIONS_YIELD_AT_MOST);
    ActionWiring actions =
        ActionWiring.on(
            core, kinds, stores, slack, delivery, team, paypal, yieldToRequests, background);
    QueueFeatures queue = new QueueFeatures(core, stores, slack, delivery, team, paypal, actions);
    queue.register(slack.bolt());
    team.home().register(slack.bolt());
    shutdown.then("queue features", queue::close);

    slack.bolt().start();
    shutdown.then("Bolt", slack.bolt()::stop);
    delivery.sender().start();
    shutdown.then("Slack sender", () -> delivery.sender().stop(options.stopGrace()));
    // Heartbeats stop only after the actions they renew.
    shutdown.then("action leases", actions.leases()::close);
    // Stopped before the sender, so the reports of actions that finish in the grace period go out.
    shutdown.thenStop("dispute actions", actions.work());
    shutdown.then("action follow-ups", actions.followUps()::close);
    // Stopped before the actions it may be running through.
    shutdown.then("rules", paypal.ruleTriggers()::close);
    actions.start();

    // Runs once the front door is open, each step once no request is being answered; the scheduled
    // poll waits for it, briefly (health and requests never do).
    Warmup warmup =
        new Warmup(
            core.mapper(),
            paypal.sync().sync(null),
            delivery.cardBuilder(),
            actions.handlers()::rehearse,
            clock,
            () -> host.awaitIdle(WARMUP_YIELD_AT_MOST));
    Upkeep upkeep = new Upkeep(config, stores, core.metrics());
    Schedule.start(core, stores.db(), warmup, paypal.polls(), queue, team.snoozes(), upkeep);
    HttpFrontDoor.open(host, core, stores, slack, delivery, paypal, upkeep, background);
    warmup.start(core.work());
    // Disputes stored before the search text existed are matched as before until it is filled.
    SearchTextFilling.start(stores, core.mapper(), paypal.sync(), clock, shutdown);
    shutdown.then("warm-up", warmup::stop);
    HttpFrontDoor.socketMode(core, slack, delivery);

    log.info(
        "Dispute Desk is running: Slack events at http://{}:{}{}, cards in {} ({} routes), polling PayPal"
            + " account(s) {} every {}",
        config.bindAddress(),
        host.port(),
        HttpFrontDoor.EVENTS_PATH,
        config.slack().channel(),
        settings.routes().size(),
        paypal.sync().accounts(),
        config.schedule().pollInterval());
    return new RunningApp(
            host.port(),
            paypal.sync(),
            paypal.refresher(),
            paypal.polls(),
            stores.db(),
            stores.outbox(),
            shutdown,
            slack.bolt(),
            core.work(),
            host::idle,
            stores.actions())
        .warmingUp(warmup);
  }

  /**
   * The one HTTP client (PayPal and Slack). Its call timeout bounds every exchange, and so the
   * worst-case PayPal action call that the lease on running actions must outlast.
   */
  static OkHttpClient newHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .callTimeout(60, TimeUnit.SECONDS)
        .build();
  }
}

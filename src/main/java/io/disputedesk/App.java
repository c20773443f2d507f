package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.http.HttpHost;
import io.disputedesk.jobs.JobScheduler;
import io.disputedesk.jobs.PollJob;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.CardLinkActions;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxSender;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.OutboxWorker;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.store.Database;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.SyncState;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: loads settings, builds every object, starts and stops the bot. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final String EVENTS_PATH = "/slack/events";
  private static final int HTTP_THREADS = 8;
  private static final Duration HTTP_DRAIN = Duration.ofSeconds(3);

  private App() {}

  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line until the bot stops; returns the exit code (0 ok, 1 failed to start, 2 bad usage or settings). */
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
      err.println("dispute-desk: demo mode is not part of this build yet; use \"run\" with real settings.");
      return 2;
    }
    Config config;
    try {
      config = ConfigLoader.load(ConfigSource.load(cli.configFile(), env));
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    RunningApp app;
    try {
      app = start(config, Clock.systemUTC());
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

  /** Starts the bot with production timings. */
  public static RunningApp start(Config config, Clock clock) {
    return start(config, clock, RunOptions.defaults());
  }

  /**
   * Builds and starts everything: database, PayPal client, Slack client and Bolt app, the outbox
   * sender, the sync and its Quartz poll job, and the HTTP front door on {@code PORT}. On failure
   * whatever was started is stopped again.
   */
  public static RunningApp start(Config config, Clock clock, RunOptions options) {
    Shutdown shutdown = new Shutdown();
    try {
      return start(config, clock, options, shutdown);
    } catch (RuntimeException e) {
      shutdown.run();
      throw e;
    }
  }

  private static RunningApp start(Config config, Clock clock, RunOptions options, Shutdown shutdown) {
    ObjectMapper mapper = Json.newMapper();
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(10, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .callTimeout(60, TimeUnit.SECONDS)
        .build();
    shutdown.then("OkHttp", () -> {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    });

    Database db = Database.open(config.databaseUrl(), clock);
    shutdown.then("database", db::close);
    DisputeStore disputes = new DisputeStore(db, mapper);
    CardStore cards = new CardStore(db);
    OutboxStore outbox = new OutboxStore(db);

    PayPalClient paypal = new PayPalClient(http, mapper, new PayPalCredentials(config.paypal().baseUrl(),
        config.paypal().clientId(), config.paypal().clientSecret().reveal()), clock, Sleeper.system(),
        PayPalCallObserver.none());

    var slack = SlackApps.newSlack(config.slack().apiUrl(), http);
    shutdown.then("Slack client", () -> closeQuietly(slack));
    var bolt = SlackApps.newApp(slack, config.slack().signingSecret().reveal(), config.slack().botToken().reveal());
    new CardLinkActions().register(bolt);

    CardBuilder cardBuilder = new CardBuilder(clock, PayPalLinks.of(config.paypal()));
    // SQLite means one process; on PostgreSQL several replicas may share the database.
    boolean replicas = db.isPostgres();
    OutboxSender sender = new OutboxSender(db, outbox, cards, disputes, cardBuilder,
        slack.methods(config.slack().botToken().reveal()), mapper, clock, Sleeper.system(), options.sender(),
        replicas ? OutboxWorker.replica() : OutboxWorker.single());
    Notifier notifier = new Notifier(outbox, mapper, config.slack().channel(), sender::wakeUp);
    DisputeSync sync = new DisputeSync(paypal, db, disputes, notifier, new SyncState(db), clock);

    bolt.start();
    shutdown.then("Bolt", bolt::stop);
    sender.start();
    shutdown.then("Slack sender", () -> sender.stop(options.stopGrace()));

    // Replicas share Quartz's clustered job store, so each poll runs on one of them.
    JobScheduler jobs = replicas
        ? JobScheduler.clustered("dispute-desk", db.dataSource(), 2)
        : JobScheduler.inMemory("dispute-desk", 2);
    jobs.every("poll", PollJob.class, () -> new PollJob(sync), config.schedule().pollInterval(),
        options.firstPollDelay());
    jobs.start();
    shutdown.then("scheduler", jobs::close);

    HttpHost host = new HttpHost(new InetSocketAddress(config.port()), HTTP_THREADS);
    host.route("POST", EVENTS_PATH, new BoltHandler(bolt));
    host.start();
    shutdown.then("HTTP", () -> host.stop(HTTP_DRAIN));

    log.info("Dispute Desk is running: Slack events at http://0.0.0.0:{}{}, cards in {}, polling PayPal ({}) every {}",
        host.port(), EVENTS_PATH, config.slack().channel(), config.paypal().baseUrl(),
        config.schedule().pollInterval());
    return new RunningApp(host.port(), sync, db, outbox, shutdown);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Could not close {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}

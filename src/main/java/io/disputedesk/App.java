package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.actions.ActionGate;
import io.disputedesk.actions.ActionLease;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.FollowUps;
import io.disputedesk.actions.LeaseSettings;
import io.disputedesk.actions.Snoozes;
import io.disputedesk.auth.Permissions;
import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.config.AccountSettings;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.SnoozeStore;
import io.disputedesk.http.HttpHost;
import io.disputedesk.jobs.JobScheduler;
import io.disputedesk.jobs.PollJob;
import io.disputedesk.jobs.SnoozeJob;
import io.disputedesk.json.Json;
import io.disputedesk.ops.HealthCheck;
import io.disputedesk.ops.Metrics;
import io.disputedesk.ops.OpsHandlers;
import io.disputedesk.ops.PollAccounting;
import io.disputedesk.order.OrderFactsStore;
import io.disputedesk.order.OrderLookup;
import io.disputedesk.paypal.PayPalAccounts;
import io.disputedesk.paypal.PayPalHttp;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.paypal.TransactionSearch;
import io.disputedesk.paypal.WebhookVerifier;
import io.disputedesk.rules.RuleEngine;
import io.disputedesk.rules.RuleTriggers;
import io.disputedesk.sim.Demo;
import io.disputedesk.sim.DemoOptions;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.CardLinkActions;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.CardViews;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OrderBlocks;
import io.disputedesk.slack.OutboxSender;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.OutboxWorker;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.SlackActionNotices;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.slack.SlackAuthMonitor;
import io.disputedesk.slack.SlackGroupDirectory;
import io.disputedesk.slack.SlackRuleNotices;
import io.disputedesk.slack.SocketModeRunner;
import io.disputedesk.slack.WorkspaceUrl;
import io.disputedesk.slack.actions.ActionHandlers;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.commands.RuleCommands;
import io.disputedesk.store.Database;
import io.disputedesk.store.DatabaseOpening;
import io.disputedesk.sync.AccountPolls;
import io.disputedesk.sync.DisputeRefresher;
import io.disputedesk.sync.OrderFactsRefresher;
import io.disputedesk.sync.SyncState;
import io.disputedesk.webhooks.PayPalWebhookHandler;
import io.disputedesk.webhooks.WebhookLimits;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: loads settings, builds every object, starts and stops the bot. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);
  private static final String EVENTS_PATH = "/slack/events";
  private static final String WEBHOOKS_PATH = "/paypal/webhooks";
  private static final int HTTP_THREADS = 8;

  /** Home tab publishes and webhook refreshes. */
  private static final int BACKGROUND_THREADS = 2;

  private static final int BACKGROUND_QUEUE = 200;

  /** Actions waiting for a free action thread, per thread. */
  private static final int ACTION_QUEUE_PER_THREAD = 4;

  private static final Duration HTTP_DRAIN = Duration.ofSeconds(3);

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

  /** How long a start waits for the first read of the user groups in the roles. */
  private static final Duration GROUPS_FIRST_READ = Duration.ofSeconds(2);

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
    ObjectMapper mapper = Json.newMapper();
    Metrics metrics = new Metrics();
    // Every task the bot takes on, from hand-over to done: what RunningApp#activity reads.
    Workload work = new Workload();
    OkHttpClient http = newHttpClient();
    shutdown.then(
        "OkHttp",
        () -> {
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        });

    var slack = SlackApps.newSlack(config.slack().apiUrl(), http);
    shutdown.then("Slack client", () -> closeQuietly(slack));
    // The one bot-token Web API client, and the one dispute-line format (the workspace URL is asked
    // once).
    MethodsClient methods = slack.methods(config.slack().botToken().reveal());
    DisputeLines lines =
        new DisputeLines(new Permalinks(new WorkspaceUrl(methods)), config.severalAccounts());
    var bolt =
        SlackApps.newApp(
            slack, config.slack().signingSecret().reveal(), config.slack().botToken().reveal());
    new CardLinkActions().register(bolt);

    Database db = opening.await();
    Stores stores = Stores.on(db, mapper, clock);
    DisputeStore disputes = stores.disputes();
    CardStore cards = stores.cards();
    OutboxStore outbox = stores.outbox();

    OrderFactsStore orderFacts = stores.orderFacts();
    SnoozeStore snoozeStore = stores.snoozes();
    CardBuilder cardBuilder =
        new CardBuilder(
            clock,
            PayPalLinks.of(config.paypal()),
            CardAction.buttons(),
            OrderBlocks.from(orderFacts),
            snoozeStore);
    // Which channels get which disputes: the config file's routes and the subscriptions from Slack.
    Routing routing = new Routing(settings.routes(), config.slack().channel(), db, disputes);
    // SQLite means one process; on PostgreSQL several replicas may share the database.
    boolean replicas = db.isPostgres();
    // Slack time, not the business clock: signatures and re-checks are about real seconds.
    SlackAuthMonitor slackAuth =
        new SlackAuthMonitor(methods, Clock.systemUTC(), options.slackRecheck());
    slackAuth.listen(bolt);
    OutboxSender sender =
        new OutboxSender(
            db,
            outbox,
            cards,
            disputes,
            new CardViews(cardBuilder, mapper, config.severalAccounts()),
            routing.cards(),
            methods,
            mapper,
            clock,
            Sleeper.system(),
            options.sender(),
            replicas ? OutboxWorker.replica() : OutboxWorker.single(),
            slackAuth,
            work);
    Notifier notifier =
        new Notifier(
            outbox, mapper, config.slack().channel(), sender::wakeUp, routing.cards(), cards);
    SyncState syncState = stores.syncState();
    ExecutorService background =
        BoundedExecutors.fixed(
            "dd-background", BACKGROUND_THREADS, BACKGROUND_QUEUE, StartGate.OPEN, work);
    shutdown.then("background work", () -> stopExecutor(background));
    // User groups are read in the background, so a permission check never waits on Slack.
    SlackGroupDirectory groups = SlackGroupDirectory.create(methods, clock, work);
    shutdown.then("user groups", groups::close);
    groups.start(
        java.util.stream.Stream.concat(
                config.roles().all().stream(),
                RuleEngine.roundRobinGroups(settings.rules()).stream())
            .toList(),
        GROUPS_FIRST_READ);
    Permissions permissions = new Permissions(config.roles(), groups);
    AuditLog audit = stores.audit();
    ReadAccess readers = new ReadAccess(permissions, audit, clock);
    // What snoozes, actions and assignments tell a dispute's thread, in Slack's words.
    SlackActionNotices actionNotices = new SlackActionNotices(notifier);
    // Who may act on which dispute: one gate for actions, snoozes and assignments.
    ActionGate gate = new ActionGate(permissions, disputes, audit, clock);
    // Snoozed disputes wake when their time comes, the buyer writes or the deadline comes within 24
    // h.
    Snoozes snoozes = new Snoozes(db, gate, snoozeStore, disputes, actionNotices, audit, clock);
    // Owners' Home tabs follow their disputes: the sync and assignments republish them.
    HomeTab home = new HomeTab(config, stores, methods, lines, readers, background, clock);
    // One client and token per PayPal account; every call about a dispute uses its own account.
    PayPalAccounts clients =
        Accounts.newClients(config, new PayPalHttp(http, mapper, Sleeper.system(), metrics), clock);
    var clientOf = Accounts.forDisputes(clients, disputes);
    // Order facts (Transaction Search, Shipment Tracking) follow new and changed disputes, off
    // every Slack path,
    // each asked of the dispute's own account.
    OrderFactsRefresher orders =
        new OrderFactsRefresher(
            new OrderLookup(
                id -> new TransactionSearch(clientOf.forDispute(id), clock),
                id -> new ShipmentTracking(clientOf.forDispute(id))),
            orderFacts,
            disputes,
            db,
            notifier,
            clock,
            work);
    shutdown.then("order facts", orders::close);
    // Automation rules (issue 16) follow what the sync sees, recorded with each change it stores;
    // the engine is
    // attached once the actions exist.
    RuleTriggers ruleTriggers = new RuleTriggers(db, settings.rules(), work);
    // One poll cursor per account.
    Accounts accounts =
        new Accounts(
            config,
            clients,
            clock,
            metrics,
            db,
            disputes,
            notifier,
            syncState,
            home.ownersOfChanged().andThen(orders).andThen(snoozes::changed).andThen(ruleTriggers));
    AccountPolls sync = accounts.polls();
    shutdown.then("account polls", sync::close);
    boolean webhooksOn = config.accounts().stream().anyMatch(a -> a.webhookId().isPresent());
    PollAccounting polls =
        new PollAccounting(
            () -> ruleTriggers.afterPoll(snoozes.afterPoll(orders.afterPoll(sync.get()))),
            metrics,
            syncState,
            webhooksOn);
    // The Refresh button also asks for fresh order facts (still at most once an hour).
    DisputeRefresher refresher =
        disputeId -> {
          sync.refresh(disputeId);
          orders.changed(Set.of(disputeId));
        };
    metrics.outboxDepth(outbox::pendingCount);

    // Acting on disputes from their cards: PayPal calls wait on their own threads, never on
    // Slack's.
    // Built here, started once every route is on it: the action threads below yield to it.
    HttpHost host =
        new HttpHost(
            new InetSocketAddress(config.bindAddress(), config.port()), HTTP_THREADS, metrics);
    // Follow-ups (card refreshes minutes after an action, the lease sweep) yield to it as well.
    FollowUps followUps =
        FollowUps.start(
            options.actionFollowUp(), () -> host.awaitIdle(ACTIONS_YIELD_AT_MOST), work);
    // Bounded: when every action thread waits on PayPal and the queue is full, people are told
    // "busy". An action (its ledger rows, its PayPal request) starts once no request is being
    // answered, or after ACTIONS_YIELD_AT_MOST: in a burst the acks, which people wait for, get the
    // cores first, and the "Sending to PayPal…" view is shown meanwhile.
    ExecutorService actionWork =
        BoundedExecutors.fixed(
            "dd-actions",
            options.actionThreads(),
            options.actionThreads() * ACTION_QUEUE_PER_THREAD,
            () -> host.awaitIdle(ACTIONS_YIELD_AT_MOST),
            work);
    // Held by a running action and renewed while its PayPal call may still run; outlasts the
    // worst-case call.
    ActionLease leases =
        ActionLease.start(
            options
                .actionLease()
                .orElseGet(() -> LeaseSettings.covering(clients.worstCaseActionCall())),
            clock);
    // Tracking added to PayPal with evidence shows on the card at once: its order facts are fetched
    // again.
    ActionService actions =
        ActionWiring.service(
            gate,
            stores,
            clientOf,
            actionNotices,
            refresher,
            followUps,
            config.approvalThreshold(),
            leases,
            orders::fetchNow,
            mapper,
            clock);
    Assignments assignments =
        new Assignments(
            db, gate, stores.assignments(), actionNotices, audit, home.refresher(), clock);
    RuleEngine rules =
        new RuleEngine(
            settings.rules(),
            db,
            disputes,
            actions,
            assignments,
            new SlackRuleNotices(notifier),
            groups,
            config.approvalThreshold(),
            clock);
    ruleTriggers.attach(rules);
    ActionHandlers actionHandlers =
        new ActionHandlers(
            actions,
            assignments,
            disputes,
            cards,
            mapper,
            actionWork,
            background,
            config.slack().channel(),
            orderFacts,
            stores.drafts(),
            notifier,
            snoozes,
            methods,
            http);
    actionHandlers.register(bolt);
    QueueFeatures queue =
        new QueueFeatures(
            config,
            stores,
            mapper,
            slack,
            methods,
            lines,
            notifier,
            cardBuilder,
            permissions,
            readers,
            assignments,
            polls,
            clock,
            routing,
            sync::polledOnce,
            new RuleCommands(rules, permissions, audit, config.schedule().digestZone()),
            work);
    queue.register(bolt);
    home.register(bolt);
    shutdown.then("queue features", queue::close);

    bolt.start();
    shutdown.then("Bolt", bolt::stop);
    sender.start();
    shutdown.then("Slack sender", () -> sender.stop(options.stopGrace()));
    // Heartbeats stop only after the actions they renew.
    shutdown.then("action leases", leases::close);
    // Stopped before the sender, so the reports of actions that finish in the grace period go out.
    shutdown.then("dispute actions", () -> stopExecutor(actionWork));
    shutdown.then("action follow-ups", followUps::close);
    // Stopped before the actions it may be running through.
    shutdown.then("rules", ruleTriggers::close);
    actionWork.execute(actions::recover);
    followUps.every(
        "settle actions whose lease ran out",
        actions::sweepExpiredLeases,
        leases.settings().heartbeat());

    // Replicas share Quartz's clustered job store, so each poll, digest and reminder run happens on
    // one of them.
    JobScheduler jobs =
        replicas
            ? JobScheduler.clustered("dispute-desk", db.dataSource(), 2)
            : JobScheduler.inMemory("dispute-desk", 2);
    jobs.countRunsIn(work);
    // Runs once the front door is open, each step once no request is being answered; the scheduled
    // poll waits for it, briefly (health and requests never do).
    Warmup warmup =
        new Warmup(
            mapper,
            sync.sync(null),
            cardBuilder,
            actionHandlers::rehearse,
            clock,
            () -> host.awaitIdle(WARMUP_YIELD_AT_MOST));
    jobs.every(
        "poll",
        PollJob.class,
        () -> new PollJob(warmup.before(polls)),
        config.schedule().pollInterval(),
        options.firstPollDelay());
    queue.schedule(jobs, options.firstPollDelay());
    jobs.every(
        SnoozeJob.NAME,
        SnoozeJob.class,
        () -> new SnoozeJob(snoozes),
        SnoozeJob.EVERY,
        options.firstPollDelay());
    Upkeep upkeep = new Upkeep(config, stores, metrics);
    upkeep.schedule(jobs, clock, options.firstPollDelay());
    jobs.start();
    shutdown.then("scheduler", jobs::close);

    host.route("POST", EVENTS_PATH, new BoltHandler(bolt, slackAuth, Clock.systemUTC()));
    HealthCheck health =
        new HealthCheck(
            db::ping,
            sync::lastSuccessOfAll,
            sync::lastErrors,
            slackAuth::current,
            polls::missed,
            upkeep::backlog,
            config.schedule().pollInterval(),
            clock);
    OpsHandlers ops = new OpsHandlers(health, metrics, mapper, config.metricsToken(), sync::status);
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
                        mapper,
                        new WebhookVerifier(clients.client(account.name()), limits.verifyTimeout()),
                        webhookId,
                        account.baseUrl(),
                        limits,
                        clock,
                        stores.inbound(),
                        id -> sync.refresh(id, account.name()),
                        background,
                        metrics);
                shutdown.then("webhook verification (" + account.name() + ")", webhooks::close);
                host.route("POST", account.webhookPath(), webhooks);
              });
    }
    host.start();
    shutdown.then("HTTP", () -> host.stop(HTTP_DRAIN));
    warmup.start(work);
    shutdown.then("warm-up", warmup::stop);
    config
        .slack()
        .appToken()
        .ifPresent(
            appToken -> {
              SocketModeRunner socketMode = new SocketModeRunner(appToken.reveal(), bolt);
              socketMode.start();
              shutdown.then("Socket Mode", socketMode::close);
              log.info("Slack Socket Mode connected; no public URL is needed for Slack requests");
            });

    log.info(
        "Dispute Desk is running: Slack events at http://{}:{}{}, cards in {} ({} routes), polling PayPal"
            + " account(s) {} every {}",
        config.bindAddress(),
        host.port(),
        EVENTS_PATH,
        config.slack().channel(),
        settings.routes().size(),
        sync.accounts(),
        config.schedule().pollInterval());
    return new RunningApp(
            host.port(),
            sync,
            refresher,
            polls,
            db,
            outbox,
            shutdown,
            bolt,
            work,
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

  private static void stopExecutor(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Could not close {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}

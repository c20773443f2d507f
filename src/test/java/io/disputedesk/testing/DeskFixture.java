package io.disputedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.actions.ActionGate;
import io.disputedesk.actions.Assignments;
import io.disputedesk.auth.Permissions;
import io.disputedesk.config.Roles;
import io.disputedesk.digest.DigestLedger;
import io.disputedesk.digest.DigestService;
import io.disputedesk.digest.DigestSettings;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.http.HttpHost;
import io.disputedesk.insights.Reports;
import io.disputedesk.json.Json;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.SlackActionNotices;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.slack.SlackDigestPublisher;
import io.disputedesk.slack.WorkspaceUrl;
import io.disputedesk.slack.commands.AssignCommands;
import io.disputedesk.slack.commands.CommandHandlers;
import io.disputedesk.slack.commands.CommandParser;
import io.disputedesk.slack.commands.CommandRunner;
import io.disputedesk.slack.commands.HelpBuilder;
import io.disputedesk.slack.commands.ListBuilder;
import io.disputedesk.slack.commands.ListCommands;
import io.disputedesk.slack.commands.People;
import io.disputedesk.slack.commands.PollNow;
import io.disputedesk.slack.commands.Replies;
import io.disputedesk.slack.commands.ReportCommands;
import io.disputedesk.slack.commands.ShareChannels;
import io.disputedesk.slack.commands.ShowBuilder;
import io.disputedesk.slack.commands.StatsBuilder;
import io.disputedesk.slack.commands.UserFiles;
import io.disputedesk.slack.home.HomeBuilder;
import io.disputedesk.slack.home.HomeHandlers;
import io.disputedesk.slack.home.HomePages;
import io.disputedesk.slack.home.HomePublisher;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.sync.SyncState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The slash command and App Home wired as the app wires them: a Bolt app behind {@link HttpHost}
 * and {@link BoltHandler}, its Web API and response URLs on a {@link LocalSlack}, a real SQLite
 * database on a hand-moved clock, and the outbox (no sender: tests read the queued rows).
 */
public final class DeskFixture implements AutoCloseable {
  public static final String SIGNING_SECRET = "desk-signing-secret";
  public static final String CHANNEL = SlackRequests.CHANNEL_ID;
  public static final String ALICE = "U0A1B2C3E";
  public static final String BOB = "U0A1B2C3M";
  public static final String CAROL = "U0A1B2C3N";
  public static final String BOT = "U0A1B2BOT";

  /** In VIEWERS only: may see disputes, not act on them. */
  public static final String VIEWER = "U0A1B2C3V";

  /** Not a viewer, agent or approver (and not in the workspace directory). */
  public static final String OUTSIDER = "U0OUTSIDE";

  public final ShiftableClock clock;
  public final Database db;
  public final ObjectMapper mapper = Json.newMapper();
  public final DisputeSeeds seeds;
  public final DisputeStore disputes;
  public final DisputeQueries queries;
  public final AssignmentStore assignments;
  public final AuditLog audit;
  public final CardStore cards;
  public final OutboxStore outbox;
  public final SyncState syncState;
  public final DigestLedger digestLedger;
  public final LocalSlack slack;
  public final HomePublisher homes;

  /** What {@code /disputes sync} reports; tests may replace it. */
  public final AtomicReference<Supplier<String>> pollResult =
      new AtomicReference<>(() -> "2 new, 1 updated");

  public final AtomicInteger polls = new AtomicInteger();

  private final Slack client;
  private final App app;
  private final HttpHost host;
  private final SignedPost post;
  private static final int BACKGROUND_THREADS = 4;
  private final ExecutorService executor = Executors.newFixedThreadPool(BACKGROUND_THREADS);
  private final AtomicInteger hooks = new AtomicInteger();

  public DeskFixture(Path dir, Instant now) {
    clock = new ShiftableClock(now);
    db = TestDatabases.open(dir, clock);
    seeds = new DisputeSeeds(db, clock);
    disputes = new DisputeStore(db, mapper);
    queries = new DisputeQueries(db);
    assignments = new AssignmentStore(db);
    audit = new AuditLog(db);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    syncState = new SyncState(db);
    digestLedger = new DigestLedger(db);
    slack = LocalSlack.start();
    client = SlackApps.newSlack(slack.apiUrl());
    MethodsClient methods = client.methods(slack.botToken());
    app = SlackApps.newApp(client, SIGNING_SECRET, slack.botToken());

    Notifier notifier = new Notifier(outbox, mapper, CHANNEL, null);
    Permissions permissions =
        new Permissions(
            new Roles(List.of(CAROL), List.of(ALICE, BOB), List.of(VIEWER)), group -> Set.of());
    ReadAccess readers = new ReadAccess(permissions, audit, clock);
    DisputeLines lines = new DisputeLines(new Permalinks(new WorkspaceUrl(methods)));
    homes =
        new HomePublisher(
            queries,
            syncState,
            new HomePages(db),
            new HomeBuilder(lines),
            methods,
            readers,
            executor,
            clock);
    DigestBuilder digestBuilder = new DigestBuilder(lines, ZoneOffset.UTC);
    DigestService digest =
        new DigestService(
            db,
            digestLedger,
            queries,
            new SlackDigestPublisher(notifier, digestBuilder),
            new DigestSettings(LocalTime.of(9, 0), ZoneOffset.UTC, false),
            () -> true);
    PollNow poll =
        () -> {
          polls.incrementAndGet();
          return pollResult.get().get();
        };
    CommandRunner runner =
        new CommandRunner(
            new ListCommands(
                queries,
                disputes,
                new ListBuilder(lines),
                new ShowBuilder(
                    new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX)), lines, mapper),
                mapper,
                clock),
            new AssignCommands(
                new Assignments(
                    db,
                    new ActionGate(permissions, disputes, audit, clock),
                    assignments,
                    new SlackActionNotices(notifier),
                    audit,
                    homes,
                    clock),
                permissions,
                new People(methods),
                clock),
            new ReportCommands(
                queries,
                new Reports(queries, ZoneOffset.UTC),
                new StatsBuilder(),
                new UserFiles(methods),
                digest,
                digestBuilder,
                poll,
                permissions,
                readers,
                clock),
            new HelpBuilder(),
            readers,
            ShareChannels.of(CHANNEL));
    new CommandHandlers(new CommandParser(), runner, new Replies(client), executor).register(app);
    new HomeHandlers(homes).register(app);
    app.start();
    host = new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    host.route("POST", "/slack/events", new BoltHandler(app));
    host.start();
    post =
        new SignedPost(
            URI.create("http://127.0.0.1:" + host.port() + "/slack/events"),
            new SlackSigner(SIGNING_SECRET));
  }

  /** A slash command's exchange: the ack, and the response URL the answer goes to. */
  public record Exchange(SignedPost.Reply ack, String hookPath) {}

  public Exchange command(String text) {
    return command(text, ALICE, "alice");
  }

  public Exchange command(String text, String userId, String userName) {
    return command(text, userId, userName, CHANNEL);
  }

  /** The command typed in {@code channelId} (a channel, or a DM {@code D…}). */
  public Exchange command(String text, String userId, String userName, String channelId) {
    String path = "commands/T0A1B2C3D/" + hooks.incrementAndGet() + "/cmd";
    SignedPost.Reply ack =
        post.send(
            SlackRequests.slashCommand("/disputes")
                .text(text)
                .user(userId, userName)
                .channel(channelId, channelName(channelId))
                .responseUrl(slack.hooksUrl(path))
                .body());
    return new Exchange(ack, path);
  }

  private static String channelName(String channelId) {
    return channelId.equals(CHANNEL)
        ? SlackRequests.CHANNEL_NAME
        : channelId.startsWith("D") ? "directmessage" : "elsewhere";
  }

  public SignedPost.Reply send(SlackBody body) {
    return post.send(body);
  }

  /** A fresh response URL for a button click. */
  public String newHook() {
    return slack.hooksUrl("actions/T0A1B2C3D/" + hooks.incrementAndGet() + "/act");
  }

  /** The JSON posted to the exchange's response URL, waiting for it. */
  public JsonNode answer(Exchange exchange) {
    return answerAt(exchange.hookPath());
  }

  public JsonNode answerAt(String hookPathOrUrl) {
    int hooksAt = hookPathOrUrl.indexOf("/hooks/");
    String path =
        hooksAt < 0 ? hookPathOrUrl : hookPathOrUrl.substring(hooksAt + "/hooks/".length());
    await(() -> postAt(path).isPresent(), "a response at " + path);
    return postAt(path).orElseThrow().json();
  }

  public Optional<ResponseUrlPost> postAt(String path) {
    return slack.responseUrlPosts().stream().filter(p -> p.path().equals(path)).findFirst();
  }

  /**
   * Waits until every task handed to the background pool (Home publishes, command work) before this
   * call has finished: each of its threads takes a task queued after them and meets the others
   * there.
   */
  public void awaitBackgroundIdle() {
    CountDownLatch arrived = new CountDownLatch(BACKGROUND_THREADS);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < BACKGROUND_THREADS; i++) {
      executor.execute(
          () -> {
            arrived.countDown();
            Await.until("the test to release the background pool", release, Duration.ofSeconds(10));
          });
    }
    try {
      Await.until(
          "the background pool to finish the work queued before", arrived, Duration.ofSeconds(10));
    } finally {
      release.countDown();
    }
  }

  /** {@link Await#until}, at most ten seconds. */
  public static void await(BooleanSupplier condition, String what) {
    Await.until(what, condition, Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    host.stop(Duration.ofSeconds(1));
    app.stop();
    executor.shutdown();
    try {
      executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException("Slack client did not close", e);
    }
    slack.close();
    db.close();
  }
}

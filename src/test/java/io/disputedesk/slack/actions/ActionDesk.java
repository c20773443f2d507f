package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.FollowUps;
import io.disputedesk.auth.Permissions;
import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.config.Roles;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.http.HttpHost;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.sim.MutableClock;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.InputFile;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.sync.DisputeRefresher;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import io.disputedesk.testing.ViewSubmission;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * Dispute Desk's action path, for real: the Bolt app with {@link ActionHandlers} behind {@link
 * HttpHost} + {@link BoltHandler}, a {@link LocalSlack}, a {@link PayPalSimulator}, the real
 * PayPal client and SQLite stores. Tests send signed Slack payloads over HTTP.
 */
public final class ActionDesk implements AutoCloseable {
  public static final String SIGNING_SECRET = "actions-test-signing-secret";
  public static final String CHANNEL = SlackRequests.CHANNEL_ID;
  public static final String CARD_TS = "1732700000.000100";
  public static final String ALICE = "U0A1B2C3E";
  public static final String BOB = "U0A1B2C3M";
  public static final String CAROL = "U0A1B2C3N";
  public static final String ERIN = "U0A1B2C3R";
  public static final String DAVE = "U0A1B2C3Q";

  /** How to build a desk: who holds which role, the approval threshold and the timings. */
  public record Settings(Roles roles, ApprovalThreshold threshold, Duration payPalReadTimeout, Duration followUpDelay,
      int hostThreads, int executorThreads) {
    public static Settings defaults() {
      return new Settings(new Roles(List.of(ALICE, BOB, ERIN), List.of(CAROL)),
          new ApprovalThreshold(Optional.empty(), Map.of("USD", new BigDecimal("100.00"))),
          Duration.ofSeconds(1), Duration.ofMillis(600), 8, 16);
    }

    public Settings roles(Roles r) {
      return new Settings(r, threshold, payPalReadTimeout, followUpDelay, hostThreads, executorThreads);
    }

    public Settings readTimeout(Duration d) {
      return new Settings(roles, threshold, d, followUpDelay, hostThreads, executorThreads);
    }

    public Settings threads(int host, int executor) {
      return new Settings(roles, threshold, payPalReadTimeout, followUpDelay, host, executor);
    }

    public Settings followUpDelay(Duration d) {
      return new Settings(roles, threshold, payPalReadTimeout, d, hostThreads, executorThreads);
    }
  }

  public final MutableClock clock = new MutableClock(Instant.now());
  public final ObjectMapper mapper = Json.newMapper();
  public final PayPalSimulator sim;
  public final LocalSlack slack;
  public final Database db;
  public final PayPalClient paypal;
  public final DisputeStore disputes;
  public final ActionStore actions;
  public final AuditLog audit;
  public final AssignmentStore owners;
  public final CardStore cards;
  public final OutboxStore outbox;
  public final Notifier notifier;
  public final FollowUps followUps;
  public final ActionService service;
  public final ExecutorService executor;
  public final AtomicInteger refreshes = new AtomicInteger();
  public final Slack slackClient;
  public final App app;
  public final HttpHost host;
  public final SignedPost post;
  private final OkHttpClient http;
  private final AtomicLong clicks = new AtomicLong();

  public ActionDesk(Path dir) {
    this(dir, Settings.defaults());
  }

  public ActionDesk(Path dir, Settings settings) {
    executor = Executors.newFixedThreadPool(settings.executorThreads());
    sim = PayPalSimulator.start(SimulatorOptions.defaults(clock).withHangTimeout(Duration.ofSeconds(3)));
    slack = LocalSlack.start();
    db = TestDatabases.open(dir, clock);
    http = new OkHttpClient.Builder().readTimeout(settings.payPalReadTimeout()).build();
    paypal = new PayPalClient(http, mapper, new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
        clock, Sleeper.system(), PayPalCallObserver.none());
    disputes = new DisputeStore(db, mapper);
    actions = new ActionStore(db);
    audit = new AuditLog(db);
    owners = new AssignmentStore(db);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    notifier = new Notifier(outbox, mapper, CHANNEL, null);
    followUps = FollowUps.start(settings.followUpDelay());
    DisputeRefresher refresher = id -> {
      disputes.upsert(paypal.getDispute(id));
      notifier.refreshCard(id, "refresh:" + refreshes.incrementAndGet());
    };
    Permissions permissions = new Permissions(settings.roles(), group -> Set.of());
    service = new ActionService(permissions, disputes, actions, audit, paypal, notifier, refresher, followUps,
        settings.threshold(), mapper, clock);
    Assignments assignments = new Assignments(service.gate(), owners, notifier, audit, clock);
    slackClient = SlackApps.newSlack(slack.apiUrl());
    app = SlackApps.newApp(slackClient, SIGNING_SECRET, slack.botToken());
    new ActionHandlers(service, assignments, disputes, cards, mapper, executor, CHANNEL).register(app);
    app.start();
    host = new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), settings.hostThreads());
    host.route("POST", "/slack/events", new BoltHandler(app));
    host.start();
    post = new SignedPost(uri(), new SlackSigner(SIGNING_SECRET));
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + host.port() + "/slack/events");
  }

  // ---- disputes ----

  /** Creates the dispute in PayPal, stores it as a poll would and records its card. */
  public String dispute(SimDisputeSpec.Builder spec) {
    String id = sim.createDispute(spec.build());
    importDispute(id);
    cards.save(id, CHANNEL, CARD_TS, disputes.find(id).orElseThrow().dispute().updateTime());
    return id;
  }

  /** Reads the dispute from PayPal into the store, as the poll does. */
  public void importDispute(String id) {
    disputes.upsert(paypal.getDispute(id));
  }

  // ---- Slack traffic ----

  /** A signed click on a card button by {@code user}, with a fresh trigger id. */
  public SignedPost.Reply click(String actionId, String value, String user) {
    return post.send(clickBody(actionId, value, user).body());
  }

  public SlackRequests.BlockAction clickBody(String actionId, String value, String user) {
    return SlackRequests.blockAction(actionId)
        .value(value)
        .user(user, nameOf(user))
        .triggerId(slack.issueTrigger(user))
        .actionTs("1732700042." + String.format("%06d", clicks.incrementAndGet()))
        .inMessage(CHANNEL, CARD_TS, slack.hooksUrlFor(CHANNEL, CARD_TS, user));
  }

  /** The modal {@code user} has on top, after a click opened one. */
  public SlackView openView(String user) {
    await("a modal opens for " + user, () -> !slack.openViews(user).isEmpty());
    List<SlackView> stack = slack.openViews(user);
    return stack.get(stack.size() - 1);
  }

  /** Clicks the button and returns the modal it opened. */
  public SlackView open(String actionId, String disputeId, String user) {
    SignedPost.Reply reply = click(actionId, disputeId, user);
    if (reply.status() != 200) {
      throw new AssertionError("click answered " + reply.status() + ": " + reply.body());
    }
    SlackView view = openView(user);
    slack.closeViews(user);
    return view;
  }

  public SignedPost.Reply submit(SlackView view, String user, StateValues state) {
    return post.send(submission(view, user, state).body());
  }

  public ViewSubmission submission(SlackView view, String user, StateValues state) {
    return SlackRequests.viewSubmission(view.callbackId())
        .viewId(view.id())
        .privateMetadata(view.privateMetadata())
        .user(user, nameOf(user))
        .state(state);
  }

  /** A file {@code user} attached in a modal, as its state describes it. */
  public ObjectNode attached(String user, String name, String mimetype, byte[] content) {
    InputFile f = slack.addInputFile(user, name, mimetype, content);
    return fileJson(f.id(), f.name(), f.mimetype(), f.filetype(), f.size(), f.urlPrivateDownload());
  }

  public ObjectNode fileJson(String id, String name, String mimetype, String filetype, long size, String url) {
    return mapper.createObjectNode().put("id", id).put("name", name).put("title", name).put("mimetype", mimetype)
        .put("filetype", filetype).put("size", size).put("url_private", url).put("url_private_download", url);
  }

  // ---- what happened ----

  /** The dispute's action of this kind once it reached {@code status}. */
  public Action awaitAction(String disputeId, DisputeAction kind, ActionStatus status) {
    await(kind + " on " + disputeId + " becomes " + status, () -> find(disputeId, kind, status).isPresent());
    return find(disputeId, kind, status).orElseThrow();
  }

  public Optional<Action> find(String disputeId, DisputeAction kind, ActionStatus status) {
    return actions.inState(status).stream().filter(a -> a.disputeId().equals(disputeId) && a.kind() == kind)
        .findFirst();
  }

  /** Texts of the thread replies queued for the dispute's card. */
  public List<String> threadTexts(String disputeId) {
    return outbox.inState(OutboxRow.PENDING).stream()
        .filter(r -> r.kind().equals(Notifier.THREAD) && disputeId.equals(r.disputeId()))
        .map(r -> json(r.payload()).path("text").asText())
        .toList();
  }

  public List<OutboxRow> threadRows(String disputeId) {
    return outbox.inState(OutboxRow.PENDING).stream()
        .filter(r -> r.kind().equals(Notifier.THREAD) && disputeId.equals(r.disputeId()))
        .toList();
  }

  public long cardRefreshes(String disputeId) {
    return outbox.inState(OutboxRow.PENDING).stream()
        .filter(r -> r.kind().equals(Notifier.CARD) && disputeId.equals(r.disputeId()))
        .count();
  }

  /** Waits until the dispute was re-read from PayPal and its card queued for redrawing. */
  public void awaitCardRefresh(String disputeId) {
    await("the card of " + disputeId + " is refreshed", () -> cardRefreshes(disputeId) >= 1);
  }

  /** Waits for a thread reply containing {@code text}. */
  public String awaitThread(String disputeId, String text) {
    await("a thread reply with '" + text + "'", () -> threadTexts(disputeId).stream().anyMatch(t -> t.contains(text)));
    return threadTexts(disputeId).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
  }

  public List<String> ephemeralTexts(String user) {
    return slack.ephemerals(user).stream().map(e -> e.text()).toList();
  }

  public String awaitEphemeral(String user, String text) {
    await("an ephemeral note for " + user + " with '" + text + "'",
        () -> ephemeralTexts(user).stream().anyMatch(t -> t.contains(text)));
    return ephemeralTexts(user).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
  }

  public List<AuditEntry> auditOf(String disputeId) {
    return audit.forDispute(disputeId);
  }

  public JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** Lets work queued on the executor finish. */
  public void settle() {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) executor;
    await("the executor is idle", () -> pool.getActiveCount() == 0 && pool.getQueue().isEmpty());
  }

  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  public static String nameOf(String user) {
    return switch (user) {
      case ALICE -> "alice";
      case BOB -> "bob";
      case CAROL -> "carol";
      case ERIN -> "erin";
      default -> "dave";
    };
  }

  @Override
  public void close() {
    host.stop(Duration.ofMillis(200));
    executor.shutdownNow();
    followUps.close();
    try {
      app.stop();
      slackClient.close();
    } catch (Exception e) {
      throw new IllegalStateException("Slack app did not stop", e);
    }
    slack.close();
    sim.close();
    db.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}

package io.disputedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.RunningApp;
import io.disputedesk.digest.DigestLedger;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.Pause;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.sync.SyncState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The whole bot ({@link BotDesk}) on a clock that stands still, for the slash command and the App
 * Home: a test seeds disputes straight into the database through a second pool, sends signed Slack
 * requests and reads what the bot answered on the {@link LocalSlack}.
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

  /** Viewers whose Home tabs only {@link #awaitBackgroundIdle} opens. */
  private static final List<String> WATCHERS = List.of("U0WATCH01", "U0WATCH02");

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
  public final PayPalSimulator sim;

  private final BotDesk core;
  private final RunningApp app;
  private final SignedPost post;
  private final AtomicInteger hooks = new AtomicInteger();

  public DeskFixture(Path dir, Instant now) {
    core = new BotDesk(dir, options(now));
    app = core.start();
    post = core.signedPost(app);
    clock = core.clock;
    slack = core.slack;
    sim = core.sim;
    db = Database.open(core.databaseUrl(), clock);
    core.closeWith(db);
    seeds = new DisputeSeeds(db, clock);
    disputes = new DisputeStore(db, mapper);
    queries = new DisputeQueries(db);
    assignments = new AssignmentStore(db);
    audit = new AuditLog(db);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    syncState = new SyncState(db);
    digestLedger = new DigestLedger(db);
  }

  /**
   * Approver Carol, agents Alice and Bob, a viewer, this channel and signing secret, and the bot's
   * clock (and PayPal's) standing at {@code now}.
   */
  public static BotDesk.Options options(Instant now) {
    return BotDesk.Options.defaults()
        .channel(CHANNEL)
        .signingSecret(SIGNING_SECRET)
        .clockAt(now)
        .simulatorOnBotClock()
        .roles(List.of(CAROL), List.of(ALICE, BOB), null)
        .with("VIEWERS", VIEWER + "," + String.join(",", WATCHERS));
  }

  /** The running bot. */
  public RunningApp app() {
    return app;
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
   * Waits until the work the bot queued on its background pool (Home publishes) before this call is
   * over: opens two watchers' Home tabs and holds both publishes at Slack. Once both are held, each
   * of the bot's two background threads holds one, so nothing queued before them still runs.
   */
  public void awaitBackgroundIdle() {
    List<Pause> held = new ArrayList<>();
    for (String watcher : WATCHERS) {
      held.add(slack.pauseNext("views.publish", Pause.At.BEFORE_HANDLING));
      SignedPost.Reply ack = post.send(SlackRequests.appHomeOpened(watcher, "Ev" + watcher));
      if (ack.status() != 200) {
        throw new AssertionError("app_home_opened answered " + ack.status());
      }
    }
    try {
      await(() -> held.stream().allMatch(Pause::hasArrived), "both watchers' publishes at Slack");
    } finally {
      held.forEach(Pause::release);
    }
  }

  /** The {@code views.publish} calls the bot made, but for the watchers'. */
  public List<ApiCall> homePublishes() {
    return slack.calls("views.publish").stream()
        .filter(c -> !WATCHERS.contains(c.param("user_id")))
        .toList();
  }

  /** Every Slack write the bot queued, sent or not, oldest first. */
  public List<OutboxRow> queued() {
    return Stream.of(OutboxRow.PENDING, OutboxRow.SENDING, OutboxRow.SENT, OutboxRow.FAILED)
        .flatMap(state -> outbox.inState(state).stream())
        .sorted(Comparator.comparingLong(OutboxRow::id))
        .toList();
  }

  /** {@link Await#until}, at most ten seconds. */
  public static void await(BooleanSupplier condition, String what) {
    Await.until(what, condition, Duration.ofSeconds(10));
  }

  @Override
  public void close() {
    try {
      core.close();
    } catch (Exception e) {
      throw new IllegalStateException("the desk did not close", e);
    }
  }
}

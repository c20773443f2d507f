package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.RunningApp;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.order.OrderFactsStore;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.InputFile;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Card;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.store.Database;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.ShiftableClock;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import io.disputedesk.testing.ViewSubmission;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * The whole bot started through {@link App#start} (Bolt app with the action handlers behind the
 * HTTP front door, the outbox sender, the sync) against a {@link PayPalSimulator} and a {@link
 * LocalSlack}. Tests send signed Slack payloads over HTTP and look at what Slack and PayPal saw;
 * they read the bot's SQLite file through a second connection pool.
 */
public final class ActionDesk implements AutoCloseable {
  public static final String SIGNING_SECRET = "actions-test-signing-secret";
  public static final String CHANNEL = SlackRequests.CHANNEL_ID;
  public static final String ALICE = "U0A1B2C3E";
  public static final String BOB = "U0A1B2C3M";
  public static final String CAROL = "U0A1B2C3N";
  public static final String ERIN = "U0A1B2C3R";
  public static final String DAVE = "U0A1B2C3Q";
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** Who holds which role, the approval threshold (APPROVAL_THRESHOLD syntax) and the timings. */
  public record Settings(
      List<String> approvers,
      List<String> agents,
      String threshold,
      Duration followUp,
      int actionThreads) {
    public static Settings defaults() {
      return new Settings(
          List.of(ALICE, BOB, ERIN), List.of(CAROL), "USD:100", Duration.ofMillis(600), 8);
    }

    public Settings roles(List<String> newApprovers, List<String> newAgents) {
      return new Settings(newApprovers, newAgents, threshold, followUp, actionThreads);
    }

    public Settings threshold(String newThreshold) {
      return new Settings(approvers, agents, newThreshold, followUp, actionThreads);
    }

    public Settings timings(Duration newFollowUp, int newActionThreads) {
      return new Settings(approvers, agents, threshold, newFollowUp, newActionThreads);
    }
  }

  public final ShiftableClock clock;
  public final ObjectMapper mapper = Json.newMapper();
  private final BotDesk core;
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
  public final OrderFactsStore orderFacts;
  public SignedPost post;
  private final OkHttpClient http = new OkHttpClient();
  private final Map<String, Long> cardUpdatesSeen = new HashMap<>();
  private final AtomicLong clicks = new AtomicLong();
  private final Map<Long, String> approvalTs = new ConcurrentHashMap<>();
  private RunningApp app;

  public ActionDesk(Path dir) {
    this(dir, Settings.defaults());
  }

  public ActionDesk(Path dir, Settings settings) {
    this(new BotDesk(dir, options(settings)), null);
  }

  /** The helpers over the bot the extension started with {@link #options}. */
  public static ActionDesk of(BotDeskExtension bot) {
    return new ActionDesk(bot.desk(), bot.app());
  }

  private ActionDesk(BotDesk core, RunningApp started) {
    this.core = core;
    clock = core.clock;
    sim = core.sim;
    slack = core.slack;
    if (started == null) {
      start();
    } else {
      app = started;
      post = core.signedPost(app);
    }
    db = Database.open(core.databaseUrl(), clock);
    paypal =
        new PayPalClient(
            http,
            mapper,
            new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
            clock,
            Sleeper.system(),
            PayPalCallObserver.none());
    disputes = new DisputeStore(db, mapper);
    actions = new ActionStore(db);
    audit = new AuditLog(db);
    owners = new AssignmentStore(db);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    orderFacts = new OrderFactsStore(db, mapper);
    core.closeWith(
        () -> {
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        });
    core.closeWith(db);
  }

  /**
   * The action tests' roles, signing secret and timings, and a simulator on the bot's clock whose
   * hung calls end within a second.
   */
  public static BotDesk.Options options(Settings settings) {
    RunOptions run =
        new RunOptions(
            new SenderSettings(
                Duration.ofMillis(5),
                Duration.ofMillis(50),
                Duration.ofMinutes(2),
                20,
                8,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30)),
            Duration.ofHours(1),
            Duration.ofMillis(500));
    return BotDesk.Options.defaults()
        .channel(CHANNEL)
        .signingSecret(SIGNING_SECRET)
        .simulator(c -> SimulatorOptions.defaults(c).withHangTimeout(Duration.ofSeconds(1)))
        .simulatorOnBotClock()
        .run(run)
        .actions(settings.followUp(), settings.actionThreads())
        .roles(settings.approvers(), settings.agents(), settings.threshold());
  }

  /** Starts the bot (again, after {@link #stopApp()}: restart recovery runs). */
  public void start() {
    app = core.start();
    post = core.signedPost(app);
  }

  /** The running bot. */
  public RunningApp app() {
    return app;
  }

  /** Stops the bot, as a deploy or crash would; the fakes and the database file stay. */
  public void stopApp() {
    app.close();
  }

  public URI uri() {
    return BotDesk.slackEvents(app);
  }

  // ---- disputes ----

  /** Creates the dispute in PayPal and lets a poll post its card. */
  public String dispute(SimDisputeSpec.Builder spec) {
    String id = sim.createDispute(spec.build());
    poll();
    if (cards.find(id).isEmpty()) {
      // A first run posts cards only for disputes waiting on us; a refresh draws any card.
      importDispute(id);
    }
    await("the card of " + id + " is posted", () -> cards.find(id).isPresent());
    awaitOrderFacts(id);
    cardUpdatesSeen.put(id, cardUpdates(id));
    return id;
  }

  /**
   * Waits until an open dispute's order facts arrived and its card shows them, so that the card's
   * later updates are the ones a test causes.
   */
  public void awaitOrderFacts(String id) {
    if (disputes.find(id).orElseThrow().dispute().isResolved()) {
      return;
    }
    await(
        "the order facts of " + id + " are fetched",
        () -> orderFacts.find(id).filter(f -> !f.isPending()).isPresent());
    awaitSlackQuiet();
  }

  /**
   * Polls PayPal now, as the scheduled job does, and waits until Slack has what the poll queued.
   */
  public void poll() {
    if (!app.pollNow().ok()) {
      throw new AssertionError("poll failed");
    }
    awaitSlackQuiet();
  }

  /** Reads the dispute from PayPal again, as a poll or webhook would, and redraws its card. */
  public void importDispute(String id) {
    app.refresher().refresh(id);
    awaitSlackQuiet();
    cardUpdatesSeen.put(id, cardUpdates(id));
  }

  public String cardTs(String disputeId) {
    return cards
        .find(disputeId)
        .map(Card::ts)
        .orElseThrow(() -> new AssertionError("no card for " + disputeId));
  }

  // ---- Slack traffic ----

  /** A signed click by {@code user} on a button of the dispute's card, with a fresh trigger id. */
  public SignedPost.Reply click(String actionId, String disputeId, String user) {
    return post.send(clickBody(actionId, disputeId, user).body());
  }

  public SlackRequests.BlockAction clickBody(String actionId, String disputeId, String user) {
    return clickOn(actionId, disputeId, user, cardTs(disputeId));
  }

  private SlackRequests.BlockAction clickOn(
      String actionId, String value, String user, String messageTs) {
    return SlackRequests.blockAction(actionId)
        .value(value)
        .user(user, nameOf(user))
        .triggerId(slack.issueTrigger(user))
        .actionTs("1732700042." + String.format("%06d", clicks.incrementAndGet()))
        .inMessage(CHANNEL, messageTs, slack.hooksUrlFor(CHANNEL, messageTs, user));
  }

  /** The thread message asking a second approver about the action. */
  public SlackMessage approvalRequest(String disputeId, long actionId) {
    await(
        "the approval request is in the thread",
        () -> findApproval(disputeId, actionId).isPresent());
    return findApproval(disputeId, actionId).orElseThrow();
  }

  private Optional<SlackMessage> findApproval(String disputeId, long actionId) {
    return slack.replies(CHANNEL, cardTs(disputeId)).stream()
        .filter(
            m ->
                m.blocks() != null
                    && m.blocks().toString().contains(Ids.APPROVE)
                    && m.blocks().toString().contains("\"value\":\"" + actionId + "\""))
        .findFirst();
  }

  /**
   * Clicks Approve or Reject on the approval request of the action (buttons gone or not: a stale
   * click).
   */
  public SignedPost.Reply decide(String buttonId, String disputeId, long actionId, String user) {
    String ts = approvalTs.computeIfAbsent(actionId, a -> approvalRequest(disputeId, a).ts());
    return post.send(clickOn(buttonId, Long.toString(actionId), user, ts).body());
  }

  /**
   * A click by {@code user} on a button carrying {@code value} on the thread message {@code ts}.
   */
  public SignedPost.Reply clickInThread(String buttonId, String value, String user, String ts) {
    return post.send(clickOn(buttonId, value, user, ts).body());
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

  /** Clicks the button and returns the modal it opened, left open as a person keeps it. */
  public SlackView openForm(String actionId, String disputeId, String user) {
    slack.closeViews(user);
    SignedPost.Reply reply = click(actionId, disputeId, user);
    if (reply.status() != 200) {
      throw new AssertionError("click answered " + reply.status() + ": " + reply.body());
    }
    return openView(user);
  }

  /**
   * Picks {@code value} in the open form's menu {@code block}, as a person does: Slack sends the
   * choice (the menu dispatches it) and the bot redraws the form. Returns the redrawn form.
   */
  public SlackView choose(
      SlackView view, String user, String block, String value, StateValues typed) {
    StateValues state = typed.staticSelect(block, block, value, value);
    String before = slack.view(view.id()).orElseThrow().hash();
    SignedPost.Reply reply =
        post.send(
            SlackRequests.blockAction(block)
                .blockId(block)
                .selectedOption(value, value)
                .user(user, nameOf(user))
                .triggerId(slack.issueTrigger(user))
                .inView(view.id(), "modal", view.callbackId(), view.privateMetadata())
                .viewHash(before)
                .state(state)
                .body());
    if (reply.status() != 200 || !reply.body().isEmpty()) {
      throw new AssertionError("the choice answered " + reply.status() + ": " + reply.body());
    }
    await(
        "the form is redrawn for " + value,
        () -> !slack.view(view.id()).orElseThrow().hash().equals(before));
    return slack.view(view.id()).orElseThrow();
  }

  /**
   * Opens the form, picks {@code value} in its menu {@code block}, and returns the redrawn form,
   * closed again.
   */
  public SlackView openWith(
      String actionId, String disputeId, String user, String block, String value) {
    SlackView redrawn =
        choose(openForm(actionId, disputeId, user), user, block, value, new StateValues());
    slack.closeViews(user);
    return redrawn;
  }

  /**
   * Submits the open form as Slack's client does: posts the view_submission, then applies the
   * answer (errors stay on the form, {@code update} replaces the view, an empty answer closes it).
   */
  public SignedPost.Reply submitInSlack(SlackView view, String user, StateValues state) {
    SlackView current = slack.view(view.id()).orElseThrow();
    SignedPost.Reply reply = submit(current, user, state);
    if (reply.status() == 200) {
      JsonNode body = reply.body().isEmpty() ? mapper.createObjectNode() : json(reply.body());
      switch (body.path("response_action").asText("")) {
        case "errors" -> {}
        case "update" -> slack.replaceView(view.id(), body.path("view"));
        case "clear" -> slack.closeViews(user);
        default -> slack.closeTopView(user);
      }
    }
    return reply;
  }

  /** Waits until the view (by id) shows {@code text} and returns it. */
  public SlackView awaitView(String viewId, String text) {
    await(
        "view " + viewId + " shows '" + text + "'",
        () -> slack.view(viewId).map(v -> v.blocks().toString().contains(text)).orElse(false));
    return slack.view(viewId).orElseThrow();
  }

  public SignedPost.Reply submit(SlackView view, String user, StateValues state) {
    return post.send(submission(view, user, state).body());
  }

  public ViewSubmission submission(SlackView view, String user, StateValues state) {
    return SlackRequests.viewSubmission(view.callbackId())
        .viewId(view.id())
        .privateMetadata(view.privateMetadata())
        .blocks(view.blocks())
        .user(user, nameOf(user))
        .state(state);
  }

  /** A file {@code user} attached in a modal, as its state describes it. */
  public ObjectNode attached(String user, String name, String mimetype, byte[] content) {
    InputFile f = slack.addInputFile(user, name, mimetype, content);
    return fileJson(f.id(), f.name(), f.mimetype(), f.filetype(), f.size(), f.urlPrivateDownload());
  }

  public ObjectNode fileJson(
      String id, String name, String mimetype, String filetype, long size, String url) {
    return mapper
        .createObjectNode()
        .put("id", id)
        .put("name", name)
        .put("title", name)
        .put("mimetype", mimetype)
        .put("filetype", filetype)
        .put("size", size)
        .put("url_private", url)
        .put("url_private_download", url);
  }

  // ---- what happened ----

  /** The dispute's action of this kind once it reached {@code status}. */
  public Action awaitAction(String disputeId, DisputeAction kind, ActionStatus status) {
    await(
        kind + " on " + disputeId + " becomes " + status,
        () -> find(disputeId, kind, status).isPresent());
    return find(disputeId, kind, status).orElseThrow();
  }

  public Optional<Action> find(String disputeId, DisputeAction kind, ActionStatus status) {
    return actions.inState(status).stream()
        .filter(a -> a.disputeId().equals(disputeId) && a.kind() == kind)
        .findFirst();
  }

  /** The replies Slack shows in the dispute card's thread. */
  public List<SlackMessage> thread(String disputeId) {
    return slack.replies(CHANNEL, cardTs(disputeId));
  }

  public List<String> threadTexts(String disputeId) {
    return thread(disputeId).stream().map(SlackMessage::text).toList();
  }

  /** Waits for a reply in the card's thread containing {@code text}. */
  public String awaitThread(String disputeId, String text) {
    await(
        "a thread reply with '" + text + "'",
        () -> threadTexts(disputeId).stream().anyMatch(t -> t.contains(text)));
    return threadTexts(disputeId).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
  }

  /** How often the card message was updated in place ({@code chat.update} on its ts). */
  public long cardUpdates(String disputeId) {
    String ts = cardTs(disputeId);
    return slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).count();
  }

  /** Waits until the card was redrawn since the dispute was set up. */
  public void awaitCardRefresh(String disputeId) {
    long seen = cardUpdatesSeen.getOrDefault(disputeId, 0L);
    await("the card of " + disputeId + " is redrawn", () -> cardUpdates(disputeId) > seen);
  }

  /** How often the bot published {@code user}'s App Home ({@code views.publish}). */
  public long homePublishes(String user) {
    return slack.calls("views.publish").stream()
        .filter(c -> user.equals(c.param("user_id")))
        .count();
  }

  public List<String> ephemeralTexts(String user) {
    return slack.ephemerals(user).stream().map(e -> e.text()).toList();
  }

  public String awaitEphemeral(String user, String text) {
    await(
        "an ephemeral note for " + user + " with '" + text + "'",
        () -> ephemeralTexts(user).stream().anyMatch(t -> t.contains(text)));
    return ephemeralTexts(user).stream().filter(t -> t.contains(text)).findFirst().orElseThrow();
  }

  public List<AuditEntry> auditOf(String disputeId) {
    return audit.forDispute(disputeId);
  }

  public JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  public void awaitSlackQuiet() {
    await(
        "the outbox to drain",
        () -> outbox.pendingCount() + outbox.inState(OutboxRow.SENDING).size() == 0);
  }

  /**
   * Waits until the bot is idle: no action waiting on PayPal, nothing left for Slack, and no new
   * audit entry for a moment (background work after an ack leaves one).
   */
  public void settle() {
    settle(true);
  }

  /** As {@link #settle()}, for a test that leaves an action IN_FLIGHT on purpose. */
  public void settleIgnoringInFlight() {
    settle(false);
  }

  private void settle(boolean noneInFlight) {
    long[] last = {-1};
    long[] stableSince = {System.nanoTime()};
    await(
        "the bot is idle",
        () -> {
          if ((noneInFlight && !actions.inState(ActionStatus.IN_FLIGHT).isEmpty())
              || outbox.pendingCount() + outbox.inState(OutboxRow.SENDING).size() > 0) {
            last[0] = -1;
            return false;
          }
          long entries = audit.recent(100_000).size();
          if (entries != last[0]) {
            last[0] = entries;
            stableSince[0] = System.nanoTime();
            return false;
          }
          return System.nanoTime() - stableSince[0] > TimeUnit.MILLISECONDS.toNanos(200);
        });
  }

  /** {@link Await#until} with this desk's timeout. */
  public static void await(String what, BooleanSupplier condition) {
    Await.until(what, condition, WAIT);
  }

  public static String nameOf(String user) {
    return switch (user) {
      case ALICE -> "alice";
      case BOB -> "bob";
      case CAROL -> "carol";
      case ERIN -> "erin";
      default -> user.toLowerCase(Locale.ROOT);
    };
  }

  /**
   * Closes the bot, its fakes and the test's own database pool (an extension's desk closes itself).
   */
  @Override
  public void close() {
    try {
      core.close();
    } catch (Exception e) {
      throw new IllegalStateException("the desk did not close", e);
    }
  }
}

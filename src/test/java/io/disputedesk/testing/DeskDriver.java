package io.disputedesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.Activity;
import io.disputedesk.RunningApp;
import io.disputedesk.digest.DigestLedger;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeQueries;
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
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.InputFile;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.Pause;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Card;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.sync.SyncState;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * What a test does with the running bot of a {@link BotDesk}, and what it reads back: signed
 * clicks, forms and slash commands as Slack sends them, what Slack and PayPal saw, and the bot's
 * database through a second connection pool (stores and {@link DisputeSeeds}). It starts nothing
 * itself but a restart: {@link BotDeskExtension} runs the bots.
 */
public final class DeskDriver {
  /** The channel of {@link BotDesk.Options#forActions} and {@link BotDesk.Options#forHomeAt}. */
  public static final String CHANNEL = SlackRequests.CHANNEL_ID;

  public final ShiftableClock clock;
  public final ObjectMapper mapper = Json.newMapper();
  private final BotDesk core;
  public final PayPalSimulator sim;
  public final LocalSlack slack;
  public final Database db;
  public final PayPalClient paypal;
  public final DisputeSeeds seeds;
  public final DisputeStore disputes;
  public final DisputeQueries queries;
  public final ActionStore actions;
  public final AuditLog audit;
  public final AssignmentStore owners;
  public final CardStore cards;
  public final OutboxStore outbox;
  public final OrderFactsStore orderFacts;
  public final SyncState syncState;
  public final DigestLedger digestLedger;
  public SignedPost post;
  private final OkHttpClient http = new OkHttpClient();
  private final Map<String, Long> cardUpdatesSeen = new HashMap<>();
  private final AtomicLong clicks = new AtomicLong();
  private final AtomicInteger hooks = new AtomicInteger();
  private final Map<Long, String> approvalTs = new ConcurrentHashMap<>();
  private RunningApp app;

  /** The driver of the bot the extension started (closed with the extension's desk). */
  public static DeskDriver of(BotDeskExtension bot) {
    return on(bot.desk(), bot.app());
  }

  /** The driver of {@code app}, one of the desk's bots (closed with the desk). */
  public static DeskDriver on(BotDesk desk, RunningApp app) {
    return new DeskDriver(desk, app);
  }

  private DeskDriver(BotDesk core, RunningApp started) {
    this.core = core;
    clock = core.clock;
    sim = core.sim;
    slack = core.slack;
    app = started;
    post = core.signedPost(app);
    db = Database.open(core.databaseUrl(), clock);
    paypal =
        new PayPalClient(
            http,
            mapper,
            new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
            clock,
            Sleeper.system(),
            PayPalCallObserver.none());
    seeds = new DisputeSeeds(db, clock);
    disputes = new DisputeStore(db, mapper);
    queries = new DisputeQueries(db);
    actions = new ActionStore(db);
    audit = new AuditLog(db);
    owners = new AssignmentStore(db);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    orderFacts = new OrderFactsStore(db, mapper);
    syncState = new SyncState(db);
    digestLedger = new DigestLedger(db);
    core.closeWith(
        () -> {
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        });
    core.closeWith(db);
  }

  /** Starts the bot again (after {@link #stopApp()}: restart recovery runs). */
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
    Await.until("the card of " + id + " is posted", () -> cards.find(id).isPresent());
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
    Await.until(
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
        .user(user, People.nameOf(user))
        .triggerId(slack.issueTrigger(user))
        .actionTs("1732700042." + String.format("%06d", clicks.incrementAndGet()))
        .inMessage(CHANNEL, messageTs, slack.hooksUrlFor(CHANNEL, messageTs, user));
  }

  /** The thread message asking a second approver about the action. */
  public SlackMessage approvalRequest(String disputeId, long actionId) {
    Await.until(
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
    Await.until("a modal opens for " + user, () -> !slack.openViews(user).isEmpty());
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
                .user(user, People.nameOf(user))
                .triggerId(slack.issueTrigger(user))
                .inView(view.id(), "modal", view.callbackId(), view.privateMetadata())
                .viewHash(before)
                .state(state)
                .body());
    if (reply.status() != 200 || !reply.body().isEmpty()) {
      throw new AssertionError("the choice answered " + reply.status() + ": " + reply.body());
    }
    Await.until(
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
    Await.until(
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
        .user(user, People.nameOf(user))
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
    Await.until(
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
    Await.until(
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
    Await.until("the card of " + disputeId + " is redrawn", () -> cardUpdates(disputeId) > seen);
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
    Await.until(
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
    Await.until(
        "the outbox to drain",
        () -> outbox.pendingCount() + outbox.inState(OutboxRow.SENDING).size() == 0);
  }

  /**
   * Waits until the bot says it is idle ({@link BotDesk#awaitIdle}): nothing queued or running on
   * its pools, nothing left for Slack and no action waiting on PayPal.
   */
  public void settle() {
    BotDesk.awaitIdle(app, Activity::idle);
  }

  /** As {@link #settle()}, for a test that leaves an action IN_FLIGHT on purpose. */
  public void settleIgnoringInFlight() {
    BotDesk.awaitIdle(app, a -> !a.working() && a.outboxBacklog() == 0);
  }

  // ---- slash commands and the App Home ----

  /** A slash command's exchange: the ack, and the response URL the answer goes to. */
  public record Exchange(SignedPost.Reply ack, String hookPath) {}

  public Exchange command(String text) {
    return command(text, People.ALICE, "alice");
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
    return channelId.equals(SlackRequests.CHANNEL_ID)
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
    Await.until("a response at " + path, () -> postAt(path).isPresent());
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
    for (String watcher : People.WATCHERS) {
      held.add(slack.pauseNext("views.publish", Pause.At.BEFORE_HANDLING));
      SignedPost.Reply ack = post.send(SlackRequests.appHomeOpened(watcher, "Ev" + watcher));
      if (ack.status() != 200) {
        throw new AssertionError("app_home_opened answered " + ack.status());
      }
    }
    try {
      Await.until(
          "both watchers' publishes at Slack", () -> held.stream().allMatch(Pause::hasArrived));
    } finally {
      held.forEach(Pause::release);
    }
  }

  /** The {@code views.publish} calls the bot made, but for the watchers'. */
  public List<ApiCall> viewsPublished() {
    return slack.calls("views.publish").stream()
        .filter(c -> !People.WATCHERS.contains(c.param("user_id")))
        .toList();
  }

  /** Every Slack write the bot queued, sent or not, oldest first. */
  public List<OutboxRow> queued() {
    return Stream.of(OutboxRow.PENDING, OutboxRow.SENDING, OutboxRow.SENT, OutboxRow.FAILED)
        .flatMap(state -> outbox.inState(state).stream())
        .sorted(Comparator.comparingLong(OutboxRow::id))
        .toList();
  }
}

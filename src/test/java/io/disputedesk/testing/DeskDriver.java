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
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Card;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.sync.SyncState;
import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * A test's handle on the running bot of a {@link BotDesk}: the fakes, the bot's database through a
 * second connection pool (stores and {@link DisputeSeeds}), a restart, and what happened. Disputes
 * are made by {@link DeskDisputes} and a person's clicks and forms sent by {@link SlackGestures};
 * the methods here hand on to them. Slash commands, the Home watchers, the approval step and
 * Slack's own client have their own classes ({@link SlashCommands}, {@link HomeWatchers}, {@link
 * Approvals}, {@link SlackClient}). It starts nothing itself but a restart: {@link
 * BotDeskExtension} runs the bots.
 */
public final class DeskDriver {
  /** The channel of {@link DeskOptions#forActions} and {@link DeskOptions#forHomeAt}. */
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
  private final DeskDisputes setUp = new DeskDisputes(this);
  private final SlackGestures gestures;
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
    actions = new ActionStore(db, Kinds.ACTIONS);
    audit = new AuditLog(db);
    owners = new AssignmentStore(db);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    orderFacts = new OrderFactsStore(db, mapper);
    syncState = new SyncState(db);
    digestLedger = new DigestLedger(db);
    gestures = new SlackGestures(slack, mapper, () -> post, this::cardTs, CHANNEL);
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

  // ---- disputes, made in PayPal and brought to Slack: {@link DeskDisputes} ----

  public String dispute(SimDisputeSpecBuilder spec) {
    return setUp.dispute(spec);
  }

  public void poll() {
    setUp.poll();
  }

  public void importDispute(String id) {
    setUp.importDispute(id);
  }

  public void awaitCardRefresh(String disputeId) {
    setUp.awaitCardRefresh(disputeId);
  }

  public String cardTs(String disputeId) {
    return cards
        .find(disputeId)
        .map(Card::ts)
        .orElseThrow(() -> new AssertionError("no card for " + disputeId));
  }

  // ---- what a person does in Slack: {@link SlackGestures} ----

  public SignedPost.Reply click(String actionId, String disputeId, String user) {
    return gestures.click(actionId, disputeId, user);
  }

  public SlackRequests.BlockAction clickBody(String actionId, String disputeId, String user) {
    return gestures.clickBody(actionId, disputeId, user);
  }

  public SignedPost.Reply clickInThread(String buttonId, String value, String user, String ts) {
    return gestures.clickInThread(buttonId, value, user, ts);
  }

  public SignedPost.Reply send(SlackBody body) {
    return gestures.send(body);
  }

  public SlackView open(String actionId, String disputeId, String user) {
    return gestures.open(actionId, disputeId, user);
  }

  public SlackView openForm(String actionId, String disputeId, String user) {
    return gestures.openForm(actionId, disputeId, user);
  }

  public SlackView openInThread(String buttonId, String value, String user, String ts) {
    return gestures.openInThread(buttonId, value, user, ts);
  }

  public SlackView openFromOverflow(String choice, String disputeId, String user) {
    return gestures.openFromOverflow(choice, disputeId, user);
  }

  public SlackView choose(
      SlackView view, String user, String block, String value, StateValues typed) {
    return gestures.choose(view, user, block, value, typed);
  }

  public SlackView openWith(
      String actionId, String disputeId, String user, String block, String value) {
    return gestures.openWith(actionId, disputeId, user, block, value);
  }

  public SignedPost.Reply submit(SlackView view, String user, StateValues state) {
    return gestures.submit(view, user, state);
  }

  public ViewSubmission submission(SlackView view, String user, StateValues state) {
    return gestures.submission(view, user, state);
  }

  public ObjectNode attached(String user, String name, String mimetype, byte[] content) {
    return gestures.attached(user, name, mimetype, content);
  }

  public ObjectNode fileJson(
      String id, String name, String mimetype, String filetype, long size, String url) {
    return gestures.fileJson(id, name, mimetype, filetype, size, url);
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

  /** Every Slack write the bot queued, sent or not, oldest first. */
  public List<OutboxRow> queued() {
    return Stream.of(OutboxRow.PENDING, OutboxRow.SENDING, OutboxRow.SENT, OutboxRow.FAILED)
        .flatMap(state -> outbox.inState(state).stream())
        .sorted(Comparator.comparingLong(OutboxRow::id))
        .toList();
  }
}

package io.disputedesk.testing;

import io.disputedesk.Activity;
import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.RunningApp;
import io.disputedesk.Settings;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.SenderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The whole bot, started through {@link App#start} as often as a test asks (a restart, or replicas
 * on one shared database), against one {@link PayPalSimulator} and one {@link LocalSlack}. The
 * test's one fixture for a running bot: {@link BotDeskExtension} starts and stops it around each
 * test.
 */
public final class BotDesk implements AutoCloseable {
  /** The disputes channel of {@link DeskOptions#defaults()}. */
  public static final String CHANNEL = "C0DISPUTES";

  /** The signing secret of the presets' Slack requests. */
  public static final String SIGNING_SECRET = "desk-signing-secret";

  public final ShiftableClock clock;
  public final PayPalSimulator sim;
  public final LocalSlack slack = LocalSlack.start();
  private final DeskOptions options;
  private final String databaseUrl;
  private final DisputesChannel channel;
  private final Map<String, String> extraEnv = new HashMap<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private volatile RunningApp app;

  /**
   * Test timings: fast pacing and backoff, no scheduled poll unless asked, short shutdown grace.
   */
  public static RunOptions fast() {
    return new RunOptions(
        new SenderSettings(
            Duration.ofMillis(20),
            Duration.ofMillis(50),
            Duration.ofMinutes(2),
            10,
            8,
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(30)),
        Duration.ofHours(1),
        Duration.ofMillis(500));
  }

  /**
   * The bot runs on real time a test may move ahead (or on a time that stands still, if the options
   * say); the simulator on real time unless the options say.
   */
  public BotDesk(Path dir, DeskOptions options) {
    this.options = options;
    this.clock =
        options.clockAt() == null ? new ShiftableClock() : new ShiftableClock(options.clockAt());
    this.sim =
        PayPalSimulator.start(
            options.simulator().apply(options.sharedClock() ? clock : Clock.systemUTC()));
    this.databaseUrl =
        options.databaseUrl() != null
            ? options.databaseUrl()
            : "jdbc:sqlite:" + dir.resolve("desk.db");
    slack.addChannel(options.channel(), "disputes");
    channel = new DisputesChannel(slack, options.channel());
  }

  public DeskOptions options() {
    return options;
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  /** The settings of the next start, with {@code extra} on top ({@link DeskSettings}). */
  public Settings settings(Map<String, String> extra) {
    return DeskSettings.of(this, extraEnv, extra);
  }

  /** Sets (or overrides) one setting for the starts from now on. */
  public BotDesk with(String setting, String value) {
    extraEnv.put(setting, value);
    return this;
  }

  /**
   * Two accounts on the simulator, {@code default} and {@code brand-b} (its app {@code
   * brand-b-id}), with brand-b's disputes routed to {@code channel}.
   */
  public BotDesk withBrandBRoutedTo(String channel) {
    String base = sim.baseUrl();
    return with("PAYPAL_CLIENT_ID", "")
        .with("PAYPAL_CLIENT_SECRET", "")
        .with(
            "ACCOUNTS",
            "[{name: default, client_id: sim-client-id, client_secret: sim-client-secret,"
                + " base_url: '"
                + base
                + "'}, {name: brand-b, client_id: brand-b-id, client_secret: brand-b-secret,"
                + " base_url: '"
                + base
                + "'}]")
        .with("ROUTES", "[{channel: " + channel + ", when: account:brand-b}]");
  }

  public RunningApp start() {
    return start(options.run());
  }

  public RunningApp start(RunOptions run) {
    return start(run, clock, Map.of());
  }

  /**
   * One more bot (a restart, or a replica) on its own clock and with {@code extra} settings; the
   * helpers below use the one started last.
   */
  public RunningApp start(RunOptions run, Clock botClock, Map<String, String> extra) {
    RunningApp started = App.start(settings(extra), botClock, run);
    toClose.add(started);
    app = started;
    return started;
  }

  /** A replica with these timings on real time (its own clock, not the desk's). */
  public RunningApp replica(RunOptions run) {
    return replica(run, Clock.systemUTC());
  }

  /** A replica whose clock is its own (say, a little ahead of the others). */
  public RunningApp replica(RunOptions run, Clock replicaClock) {
    return start(run, replicaClock, Map.of());
  }

  /** A replica whose settings add or override {@code env} (e.g. the digest and report schedule). */
  public RunningApp replica(RunOptions run, Map<String, String> env) {
    return start(run, Clock.systemUTC(), env);
  }

  /** The bot started last. */
  public RunningApp app() {
    if (app == null) {
      throw new IllegalStateException("no bot started yet");
    }
    return app;
  }

  /** Something to close with the desk (before the bots that started earlier). */
  public void closeWith(AutoCloseable resource) {
    toClose.add(resource);
  }

  /** Where the bot takes Slack's requests. */
  public static URI slackEvents(RunningApp app) {
    return URI.create("http://127.0.0.1:" + app.port() + "/slack/events");
  }

  public SignedPost signedPost(RunningApp app) {
    return new SignedPost(slackEvents(app), new SlackSigner(options.signingSecret()));
  }

  // ---- waits ----

  /** Polls on the bot started last and waits until Slack has everything the poll queued. */
  public void pollAndSettle() {
    if (!app().pollNow().ok()) {
      throw new AssertionError("poll failed");
    }
    awaitSlackQuiet();
  }

  /** Waits until every Slack write the bot started last queued is delivered. */
  public void awaitSlackQuiet() {
    awaitQuiet(app());
  }

  /** Waits until every Slack write {@code bot} queued is delivered. */
  public static void awaitQuiet(RunningApp bot) {
    Await.until("the Slack outbox to drain", () -> bot.outboxBacklog() == 0);
  }

  /**
   * Waits until the bot started last is idle ({@link Activity#idle()}): what a test waits for
   * before it checks that something did not happen.
   */
  public void settle() {
    awaitIdle(app(), Activity::idle);
  }

  /**
   * Waits until {@code bot} reports itself {@code idle} twice in a row with no work begun between
   * the two looks: a positive signal from the bot, not a quiet spell.
   */
  public static void awaitIdle(RunningApp bot, Predicate<Activity> idle) {
    long[] idleAt = {-1};
    Await.until(
        "the bot to be idle",
        () -> {
          Activity now = bot.activity();
          if (!idle.test(now)) {
            idleAt[0] = -1;
            return false;
          }
          boolean again = idleAt[0] == now.begun();
          idleAt[0] = now.begun();
          return again;
        });
  }

  /**
   * Waits until the open dispute's card shows the order facts the bot fetches in the background
   * after a poll, and Slack has them, so that no card update is still to come.
   */
  public void awaitOrderFacts(String disputeId) {
    Await.until(
        "the order facts on the card of " + disputeId,
        () ->
            card(disputeId)
                .map(c -> c.blocks().toString())
                .filter(b -> b.contains("*Order*") && !b.contains("Fetching the order"))
                .isPresent());
    awaitSlackQuiet();
  }

  // What the bot posted in the channel, read by {@link DisputesChannel}.

  public List<SlackMessage> cards() {
    return channel.cards();
  }

  public List<SlackMessage> cardsOf(String disputeId) {
    return channel.cardsOf(disputeId);
  }

  public Optional<SlackMessage> card(String disputeId) {
    return channel.card(disputeId);
  }

  public SlackMessage onlyCard(String disputeId) {
    return channel.onlyCard(disputeId);
  }

  public List<SlackMessage> channelMessages() {
    return channel.channelMessages();
  }

  public List<SlackMessage> messages(String keyPrefix) {
    return channel.messages(keyPrefix);
  }

  public List<SlackMessage> replies(SlackMessage card) {
    return channel.replies(card);
  }

  public List<SlackMessage> replies(String disputeId) {
    return channel.replies(disputeId);
  }

  public long cardUpdates(String disputeId) {
    return channel.cardUpdates(disputeId);
  }

  public static String key(SlackMessage m) {
    return DisputesChannel.key(m);
  }

  public static String disputeOf(SlackMessage m) {
    return DisputesChannel.disputeOf(m);
  }

  public static List<String> actionIds(SlackMessage card) {
    return DisputesChannel.actionIds(card);
  }

  /** Closes the simulator first, so that a bot's hung PayPal call ends and the bot can stop. */
  @Override
  public void close() throws Exception {
    sim.close();
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    slack.close();
  }
}

package io.disputedesk;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.ShiftableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The whole bot started through {@link App#start} against the PayPal simulator and a local Slack. */
final class Desk implements AutoCloseable {
  static final String CHANNEL = "C0DISPUTES";
  static final Duration WAIT = Duration.ofSeconds(20);

  final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
  final LocalSlack slack = LocalSlack.start();
  /** The bot's clock: real time, which a test may move ahead (backoffs). */
  final ShiftableClock clock = new ShiftableClock();
  private final Path dir;
  private final List<RunningApp> started = new ArrayList<>();
  private final Map<String, String> extraEnv = new HashMap<>();
  RunningApp app;

  Desk(Path dir) {
    this.dir = dir;
    slack.addChannel(CHANNEL, "disputes");
  }

  /** Test timings: fast pacing and backoff, no scheduled poll unless asked, short shutdown grace. */
  static RunOptions fast() {
    return new RunOptions(new SenderSettings(Duration.ofMillis(20), Duration.ofMillis(50),
        Duration.ofMinutes(2), 10, 8, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(2),
        Duration.ofSeconds(30)), Duration.ofHours(1), Duration.ofMillis(500));
  }

  Config config() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_SIGNING_SECRET", "test-signing-secret");
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("DISPUTES_CHANNEL", CHANNEL);
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", sim.baseUrl());
    env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("desk.db"));
    env.put("PORT", Integer.toString(freePort()));
    env.put("POLL_INTERVAL", "PT10S");
    env.putAll(extraEnv);
    return ConfigLoader.load(ConfigSource.of(env));
  }

  /** Sets (or overrides) one setting for the next {@link #start}. */
  Desk with(String setting, String value) {
    extraEnv.put(setting, value);
    return this;
  }

  RunningApp start() {
    return start(fast());
  }

  RunningApp start(RunOptions options) {
    app = App.start(config(), clock, options);
    started.add(app);
    return app;
  }

  /** Waits until every queued Slack write is delivered. */
  void awaitSlackQuiet() {
    await("the outbox to drain", () -> app.outboxBacklog() == 0);
  }

  /** Polls and waits until Slack has everything the poll queued. */
  void pollAndSettle() {
    if (!app.pollNow().ok()) {
      fail("poll failed");
    }
    awaitSlackQuiet();
  }

  /**
   * Waits until the open dispute's card shows the order facts the bot fetches in the background
   * after a poll, and Slack has them, so that no card update is still to come.
   */
  void awaitOrderFacts(String disputeId) {
    await("the order facts on the card of " + disputeId, () -> card(disputeId).map(c -> c.blocks().toString())
        .filter(b -> b.contains("*Order*") && !b.contains("Fetching the order")).isPresent());
    awaitSlackQuiet();
  }

  /** Top-level messages the bot posted as dispute cards. */
  List<SlackMessage> cards() {
    return slack.messages(CHANNEL).stream().filter(m -> key(m).startsWith("card:")).toList();
  }

  List<SlackMessage> cardsOf(String disputeId) {
    return cards().stream().filter(m -> disputeId.equals(disputeOf(m))).toList();
  }

  Optional<SlackMessage> card(String disputeId) {
    List<SlackMessage> cards = cardsOf(disputeId);
    return cards.isEmpty() ? Optional.empty() : Optional.of(cards.get(cards.size() - 1));
  }

  List<SlackMessage> channelMessages() {
    return slack.messages(CHANNEL).stream().filter(m -> key(m).startsWith("message:")).toList();
  }

  List<SlackMessage> replies(SlackMessage card) {
    return slack.replies(CHANNEL, card.ts());
  }

  static String key(SlackMessage m) {
    return m.metadata() == null ? "" : m.metadata().eventPayload().path("key").asText("");
  }

  static String disputeOf(SlackMessage m) {
    return m.metadata() == null ? "" : m.metadata().eventPayload().path("dispute_id").asText("");
  }

  /** Action ids of the card's buttons and overflow options. */
  static List<String> actionIds(SlackMessage card) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : card.blocks()) {
      if ("actions".equals(block.path("type").asText())) {
        for (JsonNode e : block.path("elements")) {
          if ("overflow".equals(e.path("type").asText())) {
            e.path("options").forEach(o -> ids.add(o.path("value").asText().split(":")[0]));
          } else {
            ids.add(e.path("action_id").asText());
          }
        }
      }
    }
    return ids;
  }

  /** {@link Await#until} with this desk's timeout. */
  static void await(String what, BooleanSupplier condition) {
    Await.until(what, condition, WAIT);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    started.forEach(RunningApp::close);
    slack.close();
    sim.close();
  }
}

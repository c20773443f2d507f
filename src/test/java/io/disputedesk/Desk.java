package io.disputedesk;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.config.Config;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The whole bot ({@link BotDesk}) with the card and thread helpers of the end-to-end tests. */
final class Desk implements AutoCloseable {
  static final String CHANNEL = "C0DISPUTES";
  static final Duration WAIT = Duration.ofSeconds(20);

  private final BotDesk core;
  final PayPalSimulator sim;
  final LocalSlack slack;

  /** The bot's clock: real time, which a test may move ahead (backoffs). */
  final ShiftableClock clock;

  RunningApp app;

  Desk(Path dir) {
    this(new BotDesk(dir, BotDesk.Options.defaults().channel(CHANNEL)));
  }

  /**
   * The helpers over the bot the extension started (with {@code Options.defaults()}: this channel).
   */
  static Desk of(BotDeskExtension bot) {
    Desk desk = new Desk(bot.desk());
    desk.app = bot.app();
    return desk;
  }

  private Desk(BotDesk core) {
    this.core = core;
    this.sim = core.sim;
    this.slack = core.slack;
    this.clock = core.clock;
  }

  /**
   * Test timings: fast pacing and backoff, no scheduled poll unless asked, short shutdown grace.
   */
  static RunOptions fast() {
    return BotDesk.fast();
  }

  Config config() {
    return core.config(Map.of());
  }

  /** Sets (or overrides) one setting for the next {@link #start}. */
  Desk with(String setting, String value) {
    core.with(setting, value);
    return this;
  }

  RunningApp start() {
    return start(fast());
  }

  RunningApp start(RunOptions options) {
    app = core.start(options);
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
    await(
        "the order facts on the card of " + disputeId,
        () ->
            card(disputeId)
                .map(c -> c.blocks().toString())
                .filter(b -> b.contains("*Order*") && !b.contains("Fetching the order"))
                .isPresent());
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

  @Override
  public void close() {
    try {
      core.close();
    } catch (Exception e) {
      throw new IllegalStateException("the desk did not close", e);
    }
  }
}

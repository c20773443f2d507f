package io.disputedesk.testing;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.RunningApp;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.slack.SenderSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole bot, started through {@link App#start} as often as a test asks (a restart, or replicas
 * on one shared database), against one {@link PayPalSimulator} and one {@link LocalSlack}. The
 * test's one fixture for a running bot: {@link BotDeskExtension} starts and stops it around each
 * test.
 */
public final class BotDesk implements AutoCloseable {
  public final ShiftableClock clock;
  public final PayPalSimulator sim;
  public final LocalSlack slack = LocalSlack.start();
  private final Options options;
  private final String databaseUrl;
  private final Map<String, String> extraEnv = new HashMap<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  /**
   * What differs between tests: the channel and signing secret, the simulator (say, how long a hung
   * call hangs), the timings, settings, the database (a SQLite file, or a shared PostgreSQL for
   * replicas) and how many replicas the extension starts.
   */
  public record Options(
      String channel,
      String signingSecret,
      Function<Clock, SimulatorOptions> simulator,
      RunOptions run,
      Map<String, String> env,
      String databaseUrl,
      int replicas,
      boolean sharedClock,
      Instant clockAt) {
    public static Options defaults() {
      return new Options(
          "C0DISPUTES",
          "test-signing-secret",
          SimulatorOptions::defaults,
          fast(),
          Map.of(),
          null,
          1,
          false,
          null);
    }

    /** PayPal's time moves with the bot's clock (by default the simulator keeps real time). */
    public Options simulatorOnBotClock() {
      return new Options(
          channel, signingSecret, simulator, run, env, databaseUrl, replicas, true, clockAt);
    }

    /**
     * The bot's clock stands at {@code start} until the test moves it (by default it is real time).
     */
    public Options clockAt(Instant start) {
      return new Options(
          channel, signingSecret, simulator, run, env, databaseUrl, replicas, sharedClock, start);
    }

    public Options channel(String id) {
      return new Options(
          id, signingSecret, simulator, run, env, databaseUrl, replicas, sharedClock, clockAt);
    }

    public Options signingSecret(String secret) {
      return new Options(
          channel, secret, simulator, run, env, databaseUrl, replicas, sharedClock, clockAt);
    }

    public Options simulator(Function<Clock, SimulatorOptions> s) {
      return new Options(
          channel, signingSecret, s, run, env, databaseUrl, replicas, sharedClock, clockAt);
    }

    public Options run(RunOptions r) {
      return new Options(
          channel, signingSecret, simulator, r, env, databaseUrl, replicas, sharedClock, clockAt);
    }

    /** Adds (or overrides) one setting. */
    public Options with(String setting, String value) {
      Map<String, String> more = new HashMap<>(env);
      more.put(setting, value);
      return new Options(
          channel,
          signingSecret,
          simulator,
          run,
          Map.copyOf(more),
          databaseUrl,
          replicas,
          sharedClock,
          clockAt);
    }

    /** Replicas on one database (PostgreSQL: {@code TestDatabase#url}). */
    public Options replicas(int n, String sharedDatabaseUrl) {
      return new Options(
          channel, signingSecret, simulator, run, env, sharedDatabaseUrl, n, sharedClock, clockAt);
    }

    /** The agents, approvers and approval threshold of the action tests ({@code null}: none). */
    public Options roles(List<String> approvers, List<String> agents, String threshold) {
      Options o =
          with("APPROVERS", String.join(",", approvers)).with("AGENTS", String.join(",", agents));
      return threshold == null ? o : o.with("APPROVAL_THRESHOLD", threshold);
    }

    /**
     * How soon a dispute is read again after an action, and how many actions may wait on PayPal.
     */
    public Options actions(Duration followUp, int threads) {
      return run(run.withActionFollowUp(followUp).withActionThreads(threads));
    }
  }

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
  public BotDesk(Path dir, Options options) {
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
  }

  public Options options() {
    return options;
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  /** Every start gets the same settings (plus {@code extra}) but its own HTTP port. */
  public Config config(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", slack.botToken());
    env.put("SLACK_SIGNING_SECRET", options.signingSecret());
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("DISPUTES_CHANNEL", options.channel());
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", sim.baseUrl());
    env.put("DATABASE_URL", databaseUrl);
    env.put("PORT", Integer.toString(freePort()));
    env.put("POLL_INTERVAL", "PT10S");
    env.putAll(options.env());
    env.putAll(extraEnv);
    env.putAll(extra);
    return ConfigLoader.load(ConfigSource.of(env));
  }

  /** Sets (or overrides) one setting for the starts from now on. */
  public BotDesk with(String setting, String value) {
    extraEnv.put(setting, value);
    return this;
  }

  public RunningApp start() {
    return start(options.run());
  }

  public RunningApp start(RunOptions run) {
    return start(run, clock, Map.of());
  }

  /** One more bot (a restart, or a replica) on its own clock and with {@code extra} settings. */
  public RunningApp start(RunOptions run, Clock botClock, Map<String, String> extra) {
    RunningApp app = App.start(config(extra), botClock, run);
    toClose.add(app);
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

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

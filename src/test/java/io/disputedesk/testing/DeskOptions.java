package io.disputedesk.testing;

import io.disputedesk.RunOptions;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.slack.SenderSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What differs between the tests of a {@link BotDesk}: the channel and signing secret, the
 * simulator (say, how long a hung call hangs), the timings, settings, the database (a SQLite file,
 * or a shared PostgreSQL for replicas) and how many replicas the extension starts.
 */
public record DeskOptions(
    String channel,
    String signingSecret,
    Function<Clock, SimulatorOptions> simulator,
    RunOptions run,
    Map<String, String> env,
    String databaseUrl,
    int replicas,
    boolean sharedClock,
    Instant clockAt) {
  public static DeskOptions defaults() {
    return new DeskOptions(
        BotDesk.CHANNEL,
        "test-signing-secret",
        SimulatorOptions::defaults,
        BotDesk.fast(),
        Map.of(),
        null,
        1,
        false,
        null);
  }

  /** PayPal's time moves with the bot's clock (by default the simulator keeps real time). */
  public DeskOptions simulatorOnBotClock() {
    return new DeskOptions(
        channel, signingSecret, simulator, run, env, databaseUrl, replicas, true, clockAt);
  }

  /**
   * The bot's clock stands at {@code start} until the test moves it (by default it is real time).
   */
  public DeskOptions clockAt(Instant start) {
    return new DeskOptions(
        channel, signingSecret, simulator, run, env, databaseUrl, replicas, sharedClock, start);
  }

  public DeskOptions channel(String id) {
    return new DeskOptions(
        id, signingSecret, simulator, run, env, databaseUrl, replicas, sharedClock, clockAt);
  }

  public DeskOptions signingSecret(String secret) {
    return new DeskOptions(
        channel, secret, simulator, run, env, databaseUrl, replicas, sharedClock, clockAt);
  }

  public DeskOptions simulator(Function<Clock, SimulatorOptions> s) {
    return new DeskOptions(
        channel, signingSecret, s, run, env, databaseUrl, replicas, sharedClock, clockAt);
  }

  public DeskOptions run(RunOptions r) {
    return new DeskOptions(
        channel, signingSecret, simulator, r, env, databaseUrl, replicas, sharedClock, clockAt);
  }

  /** Adds (or overrides) one setting. */
  public DeskOptions with(String setting, String value) {
    Map<String, String> more = new HashMap<>(env);
    more.put(setting, value);
    return new DeskOptions(
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

  /**
   * How many bots the extension starts before each test (0: the test starts them, say with its own
   * timings).
   */
  public DeskOptions replicas(int n) {
    return new DeskOptions(
        channel, signingSecret, simulator, run, env, databaseUrl, n, sharedClock, clockAt);
  }

  /** Replicas on one database (PostgreSQL: {@code TestDatabase#url}). */
  public DeskOptions replicas(int n, String sharedDatabaseUrl) {
    return new DeskOptions(
        channel, signingSecret, simulator, run, env, sharedDatabaseUrl, n, sharedClock, clockAt);
  }

  /** The agents, approvers and approval threshold of the action tests ({@code null}: none). */
  public DeskOptions roles(List<String> approvers, List<String> agents, String threshold) {
    DeskOptions o =
        with("APPROVERS", String.join(",", approvers)).with("AGENTS", String.join(",", agents));
    return o.with("APPROVAL_THRESHOLD", threshold == null ? "" : threshold);
  }

  /** How soon a dispute is read again after an action, and how many actions may wait on PayPal. */
  public DeskOptions actions(Duration followUp, int threads) {
    return run(run.withActionFollowUp(followUp).withActionThreads(threads));
  }

  /**
   * The action tests': approvers Alice, Bob and Erin, agent Carol, approval above USD 100, the
   * disputes channel of {@link SlackRequests}, faster pacing, a dispute read again 600 ms after an
   * action, and a simulator on the bot's clock whose hung calls end within a second.
   */
  public static DeskOptions forActions() {
    RunOptions run =
        BotDesk.fast()
            .withSender(
                new SenderSettings(
                    Duration.ofMillis(5),
                    Duration.ofMillis(50),
                    Duration.ofMinutes(2),
                    20,
                    8,
                    Duration.ofMillis(100),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(30)));
    return defaults()
        .channel(SlackRequests.CHANNEL_ID)
        .signingSecret(BotDesk.SIGNING_SECRET)
        .simulator(c -> SimulatorOptions.defaults(c).withHangTimeout(Duration.ofSeconds(1)))
        .simulatorOnBotClock()
        .run(run)
        .actions(Duration.ofMillis(600), 8)
        .roles(List.of(People.ALICE, People.BOB, People.ERIN), List.of(People.CAROL), "USD:100");
  }

  /**
   * The Home and slash-command tests': approver Carol, agents Alice and Bob, a viewer (and the
   * watchers of {@link HomeWatchers#awaitBackgroundIdle}), the disputes channel of {@link
   * SlackRequests}, and the bot's clock (and PayPal's) standing at {@code now}.
   */
  public static DeskOptions forHomeAt(Instant now) {
    return defaults()
        .channel(SlackRequests.CHANNEL_ID)
        .signingSecret(BotDesk.SIGNING_SECRET)
        .clockAt(now)
        .simulatorOnBotClock()
        .roles(List.of(People.CAROL), List.of(People.ALICE, People.BOB), null)
        .with("VIEWERS", People.VIEWER + "," + String.join(",", People.WATCHERS));
  }
}

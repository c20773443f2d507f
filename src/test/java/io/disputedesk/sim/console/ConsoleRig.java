package io.disputedesk.sim.console;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import io.disputedesk.config.Secret;
import io.disputedesk.http.HttpHost;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.slack.BoltHandler;
import io.disputedesk.slack.SlackApps;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * LocalSlack, the {@link OfferBot} behind a real HTTP front door, and the console in front of both.
 */
final class ConsoleRig implements AutoCloseable {
  static final String SECRET = "console-test-signing-secret";
  static final String USER = "U0A1B2C3E";

  final LocalSlack slack = LocalSlack.start();
  final OfferBot bot = new OfferBot();
  final Slack client = SlackApps.newSlack(slack.apiUrl());
  final App app = SlackApps.newApp(client, SECRET, slack.botToken());
  final HttpHost botHost =
      new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
  final HttpHost consoleHost =
      new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);

  ConsoleRig(Duration longPoll) {
    bot.register(app);
    app.start();
    botHost.route("POST", "/slack/events", new BoltHandler(app));
    botHost.start();
    ConsoleSettings settings =
        new ConsoleSettings(
            URI.create("http://127.0.0.1:" + botHost.port() + "/slack/events"),
            new Secret(SECRET),
            USER,
            OfferBot.CHANNEL);
    new Console(slack, settings, Clock.systemUTC(), longPoll).registerOn(consoleHost);
    consoleHost.start();
    try {
      bot.postCard(client.methods(slack.botToken()));
    } catch (Exception e) {
      throw new IllegalStateException("the test card was not posted", e);
    }
  }

  String consoleUrl() {
    return "http://127.0.0.1:" + consoleHost.port() + "/";
  }

  @Override
  public void close() {
    consoleHost.stop(Duration.ZERO);
    botHost.stop(Duration.ZERO);
    app.stop();
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    slack.close();
  }
}

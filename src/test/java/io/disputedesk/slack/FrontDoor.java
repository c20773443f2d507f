package io.disputedesk.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import io.disputedesk.http.HttpHost;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackSigner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A Bolt app behind {@link HttpHost} + {@link BoltHandler}, its Web API pointed at a {@link
 * LocalSlack}.
 */
final class FrontDoor implements AutoCloseable {
  static final String SIGNING_SECRET = "test-signing-secret";
  static final String EVENTS_PATH = "/slack/events";

  final LocalSlack slack;
  final Slack client;
  final App app;
  final HttpHost host;
  final SignedPost post;

  FrontDoor(Consumer<App> handlers) {
    this.slack = LocalSlack.start();
    this.client = SlackApps.newSlack(slack.apiUrl());
    this.app = SlackApps.newApp(client, SIGNING_SECRET, slack.botToken());
    handlers.accept(app);
    app.start();
    this.host = new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    host.route("POST", EVENTS_PATH, new BoltHandler(app));
    host.start();
    this.post = new SignedPost(uri(EVENTS_PATH), new SlackSigner(SIGNING_SECRET));
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + host.port() + path);
  }

  /** Sends as if signed with another secret. */
  SignedPost signedWith(String secret) {
    return new SignedPost(uri(EVENTS_PATH), new SlackSigner(secret));
  }

  @Override
  public void close() {
    host.stop(Duration.ofSeconds(1));
    app.stop();
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException("Slack client did not close", e);
    }
    slack.close();
  }
}

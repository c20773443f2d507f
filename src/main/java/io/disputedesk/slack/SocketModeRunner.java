package io.disputedesk.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;

/**
 * Connects the Bolt app to Slack over Socket Mode (no public URL): the same handlers as HTTP mode,
 * with requests arriving over a WebSocket the bot dials out on.
 */
public final class SocketModeRunner implements AutoCloseable {
  private final SocketModeApp socketModeApp;

  public SocketModeRunner(String appToken, App app) {
    try {
      this.socketModeApp = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Socket Mode could not connect to Slack: " + e.getMessage(), e);
    }
  }

  /** Opens the connection without blocking. */
  public void start() {
    try {
      socketModeApp.startAsync();
    } catch (Exception e) {
      throw new IllegalStateException("Socket Mode could not start: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      socketModeApp.close();
    } catch (Exception e) {
      throw new IllegalStateException("Socket Mode did not close cleanly: " + e.getMessage(), e);
    }
  }
}
